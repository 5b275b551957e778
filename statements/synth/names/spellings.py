"""How a synthetic name is written: a pool's "Latin:native" pairs read, a name folded to ASCII,
and the nicknames and other spellings archivists list as aliases."""

import unicodedata


def pairs(text):
    """'Wang:王 Li:李' -> [('Wang', '王'), ('Li', '李')]; no colon means no native form."""
    out = []
    for item in text.split():
        latin, _, native = item.partition(":")
        out.append((latin.replace("_", " "), native.replace("_", " ")))
    return out


def ascii_fold(text):
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


# Nicknames and other spellings that archivists would list as aliases.
ALTERNATES = {
    "William": "Bill",
    "Robert": "Bob",
    "Michael": "Mike",
    "Timothy": "Tim",
    "Thomas": "Tom",
    "Joseph": "Joe",
    "Daniel": "Dan",
    "Anthony": "Tony",
    "Steven": "Steve",
    "Andrew": "Andy",
    "Kenneth": "Ken",
    "Edward": "Ed",
    "Jeffrey": "Jeff",
    "Nicholas": "Nick",
    "Jonathan": "Jon",
    "Benjamin": "Ben",
    "Samuel": "Sam",
    "Gregory": "Greg",
    "Alexander": "Alex",
    "Patrick": "Pat",
    "Elizabeth": "Liz",
    "Victoria": "Vicky",
    "Kimberly": "Kim",
    "Catherine": "Kate",
    "Rebecca": "Becky",
    "Sergei": "Sergey",
    "Alexei": "Alexey",
    "Andrei": "Andrey",
    "Yuri": "Yury",
    "Dmitry": "Dmitri",
    "Tatiana": "Tatyana",
    "Natalia": "Natalya",
    "Yelena": "Elena",
    "Semenov": "Semyonov",
    "Fedorov": "Fyodorov",
    "Mohammed": "Muhammad",
    "Ahmed": "Ahmad",
    "Youssef": "Yousef",
    "Mohammad": "Mohammed",
    "Hossein": "Hussein",
    "Saeed": "Said",
    "Volodymyr": "Vladimir",
    "Oleksandr": "Alexander",
    "Serhiy": "Sergiy",
    "Kyiv": "Kiev",
}
