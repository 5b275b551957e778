"""Page furniture: the lines and blocks of a web page that are no article text (menus,
share bars, sign-in and paywall blocks, switches, stamps the date reader does not know,
captions printed twice), for ``clean`` to drop with their kind noted."""

import re

from statements.ingest.text.date_lines import date_line

TERMINAL = tuple(".!?:;\"”’')]…")
TRAILING_CREDIT = re.compile(r"(?<=[.!?\"”])\s*(\([A-Z][\w&'’-]*(?: [A-Z][\w&'’-]*){0,2}\))$")

# Page furniture that is no article text wherever it stands: skip links, sign-in and account
# prompts, font-size and language switches, gallery counters, a bar of network names.
NETWORKS = (
    r"facebook|twitter|x|myspace|yahoo!?|linkedin|mixx|reddit|whatsapp|telegram|weibo|wechat|"
    r"pinterest|tumblr|digg|delicious|stumbleupon|google\+?|e-?mail|print|vk|line|flipboard"
)
FURNITURE = re.compile(
    r"^(?:skip to (?:the )?(?:main )?(?:content|navigation|footer|menu)\b.*|navigate up|"
    r"sign in|sign up|log ?in|log ?out|register|my account|create (?:an )?account|menu|"
    r"search|home|empty|contact us|site ?map|send to|send to a friend|e-?mail to a friend|"
    r"(?:share|post|send) (?:with|to|on|via) \w+|reset|a\s*\+\s*a\s*-|a a a|"
    r"(?:adjust |change )?(?:font|text) size\s*:?.*|(?:leer|lire|lesen|ler) en \w+|"
    r"read (?:this )?in \w+|\d+ of \d+|\|?\s*license photo|view (?:comments|gallery)|"
    r"(?:listen|play) (?:to )?(?:this )?(?:article|story)|"
    rf"(?:(?:{NETWORKS})\s*){{2,}}|"
    # a line of hashtags under the story: "#China #EU #trade"
    r"(?:#[\w-]+[\s,]*)+|"
    # "AboutExpand About": a collapsed menu item scraped with its button
    r"(\w[\w ]{0,30})expand \1)$",
    re.I,
)
# A line of a sign-in or paywall block between paragraphs: "Get instant access to all
# articles — 14-day free trial.", "Join the Herald today", "... or subscribe as a group"
PAYWALL = re.compile(
    r"\b(?:free trial|subscribe|subscription|subscriber|sign in to|log in to|"
    r"already (?:a )?(?:member|subscriber)|become a (?:member|subscriber)|join \w+ today|"
    r"instant access|unlimited access|newsletters?|premium (?:content|article))\b",
    re.I,
)
# "B>", "</p": broken fragments of markup that scraping left (whole tags are text, escaped
# wherever the body is shown)
TAG = re.compile(r"^/?[A-Za-z]{1,2}>(?=\S)|<[A-Za-z/]{1,3}$")
# A stamp glued to the start of a line: " date 2017-07-12 The first round …"
GLUED_STAMP = re.compile(r"^(?i:date|dated|published|posted|updated)\s*:?\s*(\d{4}-\d{2}-\d{2})\s+")
# Wrapped lines end on words that never end a heading or a sentence: "Office of the"
OPEN_END = re.compile(
    r"\b(?:the|a|an|of|for|to|in|on|and|or|with|by|at|from|as|its|their|his|her)$", re.I
)
# A line ending on a quotation closed with a comma ('…keeps its word,"'): its attribution
# is still to come, so the sentence goes on.
QUOTE_AWAITS_ATTRIBUTION = re.compile(r",[\"”’']$")
# A quoted question or exclamation ('…wait any longer?"'): a next line in lower case
# ("the envoy asked.") is its attribution.
QUOTED_QUESTION = re.compile(r"[?!][\"”’']$")


# Stamps that ``date_line`` does not read: "*EPF401 12/26/2002" (a wire's file number and
# day), "BDST: 1420 HRS, MAR 19, 2015" (a foot line), "timestamp: 1563440000"
STAMP = re.compile(
    r"^(?:[A-Z]{2,}\d{1,5}\s+\d{1,2}/\d{1,2}/\d{4}|[A-Z]{2,5}\s*:\s*\d{1,2}:?\d{2}\s*(?:HRS?|H)\b.*\d{4}"
    r"|(?i:timestamp|time|date|published)\s*[:=]\s*\d{10}(?:\d{3})?)$"
)
# "December 18, 2002|By Ann Lee, The Herald. Wire.", "By Ann Lee | March 4, 2019": a byline
# with its date
DATED_BYLINE = re.compile(r"^[^|]{4,40}\|\s*By\s+[A-Z]|^By\s+[A-Z][^|]{2,60}\|[^|]*\d{4}")
FONT_SUFFIX = re.compile(r"\s+(?:adjust|change)\s+(?:font|text)\s+size\s*:?.*$", re.I)
# "Xinhua, December 1, 2015": an outlet's name and the day
NAME_AND_DAY = re.compile(r"^([A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3}),\s+(\S.*)$")
MENU_WORD = re.compile(
    r"\b(?:home|contact(?: us)?|links|about(?: us)?|search|sitemap|login)$", re.I
)
WEEKDAY_LINE = re.compile(r"^(?:mon|tues|wednes|thurs|fri|satur|sun)day,?$", re.I)


def furniture(line):
    """The kind of page furniture a line is that ``classify`` does not know, or ""."""
    if FURNITURE.match(line):
        return "share"
    if DATED_BYLINE.match(line) and len(line.split()) <= 24:
        return "byline"
    if WEEKDAY_LINE.match(line):
        return "date"  # a date bar's weekday on its own line
    if len(line) <= 2 and not re.search(r"\w", line):
        return "navigation"  # a stray "-" or "|"
    if STAMP.match(line):
        return "date"
    m = NAME_AND_DAY.match(line)
    if m and date_line(m.group(2)):
        return "date"
    if re.fullmatch(r"[A-Z]{1,5}-\d{1,6}", line):
        return "slug"  # a press release's number: "HP-200"
    # "by Team Meridian", "by Staff Reporter": a byline in lower case
    if re.fullmatch(r"by\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}", line):
        return "byline"
    words = line.split()
    if len(words) <= 20 and PAYWALL.search(line):
        return "paywall"
    # "中文 العربي Contact Us Links": a language menu in other scripts
    other = re.search(r"[^\x00-\u024f\s]{2,}", line)
    if (
        len(words) <= 8
        and other
        and not line.endswith(TERMINAL)
        and (other.start() == 0 or MENU_WORD.search(line))
    ):
        return "navigation"
    return ""


def is_short(line, words=4):
    # a menu item may trail off ("Treasury For...")
    return bool(line) and len(line.split()) <= words and not line.rstrip(".…").endswith(TERMINAL)


def drop_blocks(kept, kinds, dropped):
    """Blocks of furniture: a menu (four or more lines in a row, short or already dropped as
    navigation, before the article's text) and the short lines around a paywall's sign-up
    lines ("Read and decide"). ``None`` in ``kept`` marks a dropped line, ``kinds`` its kind."""
    first_text = next(
        (i for i, line in enumerate(kept) if line and len(line.split()) >= 12), len(kept)
    )
    out = list(kept)
    i = 0
    while i < first_text:
        j = i
        while j < first_text and (is_short(out[j]) or out[j] is None):
            j += 1
        run = range(i, j)
        menu = sum(1 for k in run if out[k] is None and kinds[k] in {"share", "navigation"})
        short = sum(1 for k in run if out[k])
        if len(run) >= 4 and short and (menu >= 2 or short >= 4):
            for k in run:
                if out[k]:
                    dropped.append(("navigation", out[k]))
                    out[k] = None
                    kinds[k] = "navigation"
        i = max(j, i + 1)
    if "paywall" in kinds.values():
        changed = True
        while changed:
            changed = False
            for i in range(first_text + 1, len(out)):
                if not is_short(out[i], 6):
                    continue
                near = range(max(0, i - 3), min(len(out), i + 4))
                if any(kinds.get(k) == "paywall" for k in near):
                    dropped.append(("paywall", out[i]))
                    out[i] = None
                    kinds[i] = "paywall"
                    changed = True
    return [line if line is not None else "" for line in out]


def repeat_key(text):
    return re.sub(r"[^a-z0-9]+", "", TRAILING_CREDIT.sub("", text).lower())


def drop_repeats(paragraphs, dropped):
    """A caption or lead the page prints twice: the later copy of a paragraph goes, and so
    does a paragraph that only repeats the opening of the next one (its credit is kept)."""
    seen, out = set(), []
    for i, para in enumerate(paragraphs):
        key = repeat_key(para)
        following = [repeat_key(p) for p in paragraphs[i + 1 : i + 3]]
        # a caption printed twice goes with its copy; a headline printed twice keeps one
        twice = (
            i + 1 < len(paragraphs)
            and repeat_key(paragraphs[i + 1]) == key
            and para.endswith(TERMINAL)
        )
        if (
            (twice and len(para.split()) <= 40)
            or key in seen
            or (len(key) >= 40 and any(k != key and k.startswith(key) for k in following))
        ):
            m = TRAILING_CREDIT.search(para)
            if m:
                dropped.append(("source", m.group(1)))
            dropped.append(("caption", para))
            seen.add(key)
            continue
        if len(key) >= 20:
            seen.add(key)
        out.append(para)
    return out
