"""A synthetic archive for measuring speed: N quotes in articles, with speakers, dialogues,
rounds and themes that look like the real thing, generated deterministically from a seed.

Everything synthetic is marked so it can be removed without touching real records: slugs of
outlets, speakers, dialogues, rounds and articles start with ``synth-`` and article URLs with
``https://synthetic.invalid/`` (``.invalid`` is reserved, so no real article can have it).
Themes are the real ones from fixtures/reference.json; a name that already belongs to a real
speaker (say "Chinese delegation") is linked to that speaker rather than duplicated.

The generation is plain Python (``SyntheticArchive``); ``load()`` writes it in one transaction
with the fastest path each engine has: ``executemany`` on SQLite (FTS5 sync triggers suspended
and the index rebuilt once), ``COPY`` on PostgreSQL.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import itertools
import json
import random
import re
import time
import unicodedata
from dataclasses import dataclass, field

from django.conf import settings
from django.core.management.color import no_style
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify

from archive.pagecache import content_changed

PREFIX = "synth-"
URL_PREFIX = "https://synthetic.invalid/"
FIRST_DAY = dt.date(1996, 1, 1)
LAST_DAY = dt.date(2025, 12, 31)
QUOTES_PER_ARTICLE = 10
BATCH_ARTICLES = 2000  # rows written per executemany/COPY round: big, but bounded memory


# --- Random helpers ---------------------------------------------------------------------------


class Zipf:
    """Pick from ``items`` with probability proportional to 1/rank**s (times ``boost``)."""

    def __init__(self, items, s=1.0, boost=None):
        self.items = list(items)
        weights = [1.0 / (r**s) for r in range(1, len(self.items) + 1)]
        if boost:
            weights = [w * b for w, b in zip(weights, boost, strict=True)]
        self.cum = list(itertools.accumulate(weights))
        self.total = self.cum[-1]

    def __call__(self, rng):
        return self.items[bisect.bisect(self.cum, rng.random() * self.total)]


def words(text):
    return text.split()


def pairs(text):
    """'Wang:王 Li:李' -> [('Wang', '王'), ('Li', '李')]; no colon means no native form."""
    out = []
    for item in text.split():
        latin, _, native = item.partition(":")
        out.append((latin.replace("_", " "), native.replace("_", " ")))
    return out


def ascii_fold(text):
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


# --- Countries and names ----------------------------------------------------------------------

# name, short form in dialogue names, adjective, name group, capital, other city, weight
COUNTRIES = [
    ("China", "China", "Chinese", "chinese", "Beijing", "Shanghai", 30),
    ("United States", "U.S.", "U.S.", "english", "Washington", "New York", 25),
    ("Russia", "Russia", "Russian", "russian", "Moscow", "St. Petersburg", 6),
    ("Japan", "Japan", "Japanese", "japanese", "Tokyo", "Osaka", 6),
    ("Germany", "Germany", "German", "german", "Berlin", "Munich", 6),
    ("United Kingdom", "UK", "British", "english", "London", "Edinburgh", 6),
    ("France", "France", "French", "french", "Paris", "Lyon", 5),
    ("India", "India", "Indian", "indian", "New Delhi", "Mumbai", 5),
    ("South Korea", "ROK", "South Korean", "korean", "Seoul", "Busan", 4),
    ("Australia", "Australia", "Australian", "english", "Canberra", "Sydney", 3),
    ("Canada", "Canada", "Canadian", "english", "Ottawa", "Toronto", 3),
    ("Brazil", "Brazil", "Brazilian", "portuguese", "Brasilia", "Sao Paulo", 3),
    ("Indonesia", "Indonesia", "Indonesian", "indonesian", "Jakarta", "Bali", 2),
    ("Vietnam", "Vietnam", "Vietnamese", "vietnamese", "Hanoi", "Ho Chi Minh City", 2),
    ("Turkey", "Turkey", "Turkish", "turkish", "Ankara", "Istanbul", 2),
    ("Saudi Arabia", "Saudi", "Saudi", "arabic", "Riyadh", "Jeddah", 2),
    ("Egypt", "Egypt", "Egyptian", "arabic", "Cairo", "Alexandria", 2),
    ("Iran", "Iran", "Iranian", "persian", "Tehran", "Isfahan", 2),
    ("Pakistan", "Pakistan", "Pakistani", "pakistani", "Islamabad", "Karachi", 2),
    ("Mexico", "Mexico", "Mexican", "spanish", "Mexico City", "Guadalajara", 2),
    ("Spain", "Spain", "Spanish", "spanish", "Madrid", "Barcelona", 2),
    ("Italy", "Italy", "Italian", "italian", "Rome", "Milan", 2),
    (
        "South Africa",
        "South Africa",
        "South African",
        "southern_african",
        "Pretoria",
        "Cape Town",
        1.5,
    ),
    ("Nigeria", "Nigeria", "Nigerian", "nigerian", "Abuja", "Lagos", 1.5),
    ("Argentina", "Argentina", "Argentine", "spanish", "Buenos Aires", "Cordoba", 1.5),
    ("Ukraine", "Ukraine", "Ukrainian", "ukrainian", "Kyiv", "Lviv", 1.5),
    ("Kenya", "Kenya", "Kenyan", "kenyan", "Nairobi", "Mombasa", 1),
    ("Ethiopia", "Ethiopia", "Ethiopian", "ethiopian", "Addis Ababa", "Bahir Dar", 1),
    ("Kazakhstan", "Kazakhstan", "Kazakh", "kazakh", "Astana", "Almaty", 1),
    ("Thailand", "Thailand", "Thai", "thai", "Bangkok", "Chiang Mai", 1),
    ("Philippines", "Philippines", "Philippine", "filipino", "Manila", "Cebu", 1),
    ("Poland", "Poland", "Polish", "polish", "Warsaw", "Krakow", 1),
    ("Netherlands", "Netherlands", "Dutch", "dutch", "The Hague", "Amsterdam", 1),
    ("Sweden", "Sweden", "Swedish", "nordic", "Stockholm", "Gothenburg", 1),
    ("Norway", "Norway", "Norwegian", "nordic", "Oslo", "Bergen", 1),
    ("Switzerland", "Switzerland", "Swiss", "german", "Bern", "Geneva", 1),
    ("Chile", "Chile", "Chilean", "spanish", "Santiago", "Valparaiso", 1),
    ("Israel", "Israel", "Israeli", "hebrew", "Jerusalem", "Tel Aviv", 1),
    ("New Zealand", "New Zealand", "New Zealand", "english", "Wellington", "Auckland", 1),
]


@dataclass(frozen=True)
class Country:
    name: str
    short: str
    adj: str
    group: str
    capital: str
    city: str
    weight: float


COUNTRY_LIST = [Country(*c) for c in COUNTRIES]

# Name pools: "Latin:native" where the name has its own script. Family names first in the
# group's usual order is decided by the builder, not here.
NAMES = {
    "chinese": {
        "family": pairs(
            "Wang:王 Li:李 Zhang:张 Liu:刘 Chen:陈 Yang:杨 Zhao:赵 Huang:黄 Zhou:周 Wu:吴 Xu:徐 "
            "Sun:孙 Hu:胡 Zhu:朱 Gao:高 Lin:林 He:何 Guo:郭 Ma:马 Luo:罗 Liang:梁 Song:宋 "
            "Zheng:郑 Xie:谢 Han:韩 Tang:唐 Feng:冯 Yu:于 Dong:董 Xiao:萧 Cheng:程 Cao:曹 "
            "Yuan:袁 Deng:邓 Fu:傅 Shen:沈 Zeng:曾 Peng:彭 Lu:吕 Su:苏 Jiang:蒋 Cai:蔡 Jia:贾 "
            "Ding:丁 Wei:魏 Xue:薛 Ye:叶 Yan:阎 Pan:潘 Du:杜 Dai:戴 Xia:夏 Zhong:钟 Tian:田 "
            "Ren:任 Fan:范 Fang:方 Shi:石 Yao:姚 Tan:谭 Qin:秦 Cui:崔 Kong:孔 Qiu:邱 Hou:侯 "
            "Meng:孟 Bai:白 Qian:钱 Le:乐 Geng:耿 Hua:华"
        ),
        "given": pairs(
            "wei:伟 fang:芳 min:敏 jing:静 li:丽 qiang:强 lei:磊 jun:军 yang:洋 yong:勇 yan:艳 "
            "jie:杰 tao:涛 ming:明 chao:超 xiu:秀 hua:华 hui:辉 ping:平 gang:刚 gui:桂 ying:英 "
            "hong:红 bin:斌 yu:宇 hao:浩 kai:凯 tian:天 xin:新 guo:国 dong:东 zhi:志 jian:建 "
            "wen:文 bo:波 feng:峰 qi:琪 lin:林 rui:瑞 ning:宁 kang:康 an:安 shan:山 hai:海 "
            "cheng:成 zhong:忠 yi:毅 xu:旭 qing:清 song:松 da:达 sheng:胜 bing:兵 lan:兰 mei:梅 "
            "xia:霞 long:龙 peng:鹏 de:德 fu:福 rong:荣 heng:恒 chun:春 ze:泽 hong:宏 kui:奎"
        ),
    },
    "japanese": {
        "family": pairs(
            "Tanaka:田中 Suzuki:鈴木 Takahashi:高橋 Watanabe:渡辺 Ito:伊藤 Yamamoto:山本 "
            "Nakamura:中村 Kobayashi:小林 Kato:加藤 Yoshida:吉田 Yamada:山田 Sasaki:佐々木 "
            "Yamaguchi:山口 Matsumoto:松本 Inoue:井上 Kimura:木村 Hayashi:林 Shimizu:清水 "
            "Kishida:岸田 Motegi:茂木 Kono:河野 Okada:岡田 Hashimoto:橋本 Ishii:石井 Mori:森 "
            "Ikeda:池田 Abe:阿部 Ogawa:小川 Fujita:藤田 Nishimura:西村 Hamada:浜田 Saito:斎藤"
        ),
        "given": pairs(
            "Hiroshi:博 Takeshi:武 Kenji:健二 Yuki:由紀 Akira:明 Satoshi:聡 Makoto:誠 "
            "Naoko:直子 Yoko:洋子 Keiko:恵子 Taro:太郎 Ichiro:一郎 Haruki:春樹 Kazuo:和夫 "
            "Masato:正人 Yoshihide:義偉 Fumio:文雄 Toshimitsu:敏充 Emiko:恵美子 Koji:浩二 "
            "Daisuke:大輔 Shinji:真司 Tomoko:智子 Ryota:亮太 Yoshimasa:芳正 Hirokazu:博一"
        ),
    },
    "korean": {
        "family": pairs(
            "Kim:김 Lee:이 Park:박 Choi:최 Jung:정 Kang:강 Cho:조 Yoon:윤 Jang:장 Lim:임 "
            "Han:한 Oh:오 Seo:서 Shin:신 Kwon:권 Hwang:황 Ahn:안 Song:송 Yoo:유 Hong:홍 "
            "Moon:문 Ban:반 Yun:윤 Chung:정"
        ),
        "given": pairs(
            "min:민 jun:준 seo:서 ji:지 hyun:현 woo:우 jae:재 young:영 soo:수 eun:은 hye:혜 "
            "sung:성 ho:호 jin:진 kyung:경 dong:동 hoon:훈 chul:철 yeon:연 won:원 sang:상 "
            "tae:태 ki:기 moon:문 yong:용 hwa:화"
        ),
    },
    "russian": {
        "given": pairs(
            "Sergei:Сергей Dmitry:Дмитрий Alexei:Алексей Andrei:Андрей Vladimir:Владимир "
            "Nikolai:Николай Mikhail:Михаил Ivan:Иван Yuri:Юрий Pavel:Павел Igor:Игорь "
            "Oleg:Олег Viktor:Виктор Konstantin:Константин Grigory:Григорий Boris:Борис "
            "Anatoly:Анатолий Maria:Мария Anna:Анна Yelena:Елена Olga:Ольга Tatiana:Татьяна "
            "Natalia:Наталья Irina:Ирина Valentina:Валентина Maxim:Максим Roman:Роман"
        ),
        "family": pairs(
            "Ivanov:Иванов Petrov:Петров Smirnov:Смирнов Kuznetsov:Кузнецов Popov:Попов "
            "Sokolov:Соколов Lebedev:Лебедев Kozlov:Козлов Novikov:Новиков Morozov:Морозов "
            "Volkov:Волков Pavlov:Павлов Semenov:Семёнов Golubev:Голубев Vinogradov:Виноградов "
            "Bogdanov:Богданов Fedorov:Фёдоров Mikhailov:Михайлов Zakharov:Захаров "
            "Lavrov:Лавров Ryabkov:Рябков Orlov:Орлов Belov:Белов Denisov:Денисов "
            "Grushko:Грушко Titov:Титов Karasin:Карасин Morgulov:Моргулов"
        ),
    },
    "ukrainian": {
        "given": pairs(
            "Andriy:Андрій Oleksandr:Олександр Dmytro:Дмитро Serhiy:Сергій Volodymyr:Володимир "
            "Mykola:Микола Taras:Тарас Bohdan:Богдан Yulia:Юлія Olena:Олена Iryna:Ірина "
            "Oksana:Оксана Petro:Петро Vasyl:Василь Kateryna:Катерина Pavlo:Павло"
        ),
        "family": pairs(
            "Shevchenko:Шевченко Kovalenko:Коваленко Bondarenko:Бондаренко Tkachenko:Ткаченко "
            "Kravchenko:Кравченко Melnyk:Мельник Boyko:Бойко Kuleba:Кулеба Sybiha:Сибіга "
            "Yermak:Єрмак Klymkin:Клімкін Prystaiko:Пристайко Marchenko:Марченко Lysenko:Лисенко"
        ),
    },
    "kazakh": {
        "given": pairs(
            "Nursultan:Нурсултан Kassym:Касым Askar:Аскар Yerlan:Ерлан Murat:Мурат "
            "Aigul:Айгуль Dariga:Дарига Marat:Марат Kairat:Кайрат Mukhtar:Мухтар Beibut:Бейбут"
        ),
        "family": pairs(
            "Tokayev:Токаев Abenov:Абенов Suleimenov:Сулейменов Tleuberdi:Тлеуберди "
            "Idrissov:Идрисов Atamkulov:Атамкулов Vassilenko:Василенко Smadiyarov:Смадияров "
            "Nurtleu:Нуртлеу Zhoshybayev:Жошыбаев"
        ),
    },
    "arabic": {
        "given": pairs(
            "Ahmed:أحمد Mohammed:محمد Ali:علي Omar:عمر Khalid:خالد Hassan:حسن Youssef:يوسف "
            "Ibrahim:إبراهيم Abdullah:عبدالله Faisal:فيصل Sami:سامي Tariq:طارق Nabil:نبيل "
            "Adel:عادل Fatima:فاطمة Layla:ليلى Mona:منى Rania:رانيا Sameh:سامح Mahmoud:محمود "
            "Walid:وليد Badr:بدر"
        ),
        "family": pairs(
            "Al-Rashid:الراشد Haddad:حداد Mansour:منصور Nasser:ناصر Khoury:خوري Hamdan:حمدان "
            "Saleh:صالح Aziz:عزيز Farouk:فاروق Shoukry:شكري Al-Jubeir:الجبير Abdelatty:عبدالعاطي "
            "Al-Otaibi:العتيبي El-Sayed:السيد Hegazy:حجازي Al-Khereiji:الخريجي Zaki:زكي"
        ),
    },
    "persian": {
        "given": pairs(
            "Mohammad:محمد Ali:علی Hassan:حسن Javad:جواد Abbas:عباس Hossein:حسین Reza:رضا "
            "Mahmoud:محمود Saeed:سعید Mehdi:مهدی Zahra:زهرا Maryam:مریم Kazem:کاظم Majid:مجید"
        ),
        "family": pairs(
            "Zarif:ظریف Araghchi:عراقچی Jalili:جلیلی Larijani:لاریجانی Salehi:صالحی "
            "Kazemi:کاظمی Moradi:مرادی Hosseini:حسینی Ahmadi:احمدی Karimi:کریمی "
            "Rahimi:رحیمی Takht-Ravanchi:تخت‌روانچی Gharibabadi:غریب‌آبادی Kanani:کنعانی"
        ),
    },
    "english": {
        "given": pairs(
            "James John Robert Michael William David Richard Joseph Thomas Charles Daniel "
            "Matthew Anthony Mark Steven Paul Andrew Kenneth Joshua Kevin Brian George Timothy "
            "Ronald Jason Edward Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Justin "
            "Scott Benjamin Samuel Gregory Alexander Patrick Frank Raymond Jack Dennis Mary "
            "Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy "
            "Margaret Sandra Ashley Kimberly Emily Donna Michelle Carol Amanda Melissa Deborah "
            "Stephanie Rebecca Sharon Laura Cynthia Kathleen Amy Angela Helen Anna Catherine "
            "Victoria Wendy Penelope Marise Julie Samantha Antony Dominic Jacinda Chrystia"
        ),
        "family": pairs(
            "Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore "
            "Jackson Martin Lee Thompson White Harris Clark Lewis Robinson Walker Young Allen "
            "King Wright Hill Scott Green Adams Baker Nelson Carter Mitchell Roberts Turner "
            "Phillips Campbell Parker Evans Edwards Collins Stewart Morris Murphy Cook Rogers "
            "Morgan Cooper Peterson Bailey Reed Kelly Howard Cox Ward Richardson Watson Brooks "
            "Wood James Bennett Gray Hughes Price Sanders Myers Long Ross Foster Powell Jenkins "
            "Perry Russell Sullivan Bell Coleman Butler Henderson Barnes Fisher Hayes Graham "
            "Wallace Gibson Hamilton Ellis Marshall Ford Wells Webb Knight Hunt Posner Burns "
            "Campbell Sherman Kritenbrink Zeya Raimondo Tai Hadley Nuland Kerry Rice"
        ),
    },
    "german": {
        "given": pairs(
            "Klaus Hans Peter Wolfgang Jürgen Dieter Uwe Thomas Stefan Andreas Michael Frank "
            "Matthias Heiko Annalena Angela Ursula Sabine Petra Claudia Monika Birgit Olaf "
            "Sigmar Markus Christian Johann Karin Ignazio Didier"
        ),
        "family": pairs(
            "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann "
            "Schäfer Koch Bauer Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun "
            "Krüger Hofmann Hartmann Lange Schmitt Werner Krause Meier Lehmann Maas Steinmeier"
        ),
    },
    "french": {
        "given": pairs(
            "Jean Pierre Michel Philippe Alain Nicolas François Laurent Emmanuel Jean-Yves "
            "Bruno Olivier Christophe Catherine Marie Nathalie Isabelle Sylvie Ségolène Anne "
            "Sophie Claire Hélène Stéphane Catherine"
        ),
        "family": pairs(
            "Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon "
            "Laurent Lefebvre Michel Garcia David Bertrand Roux Vincent Fournier Morel Girard "
            "André Lefèvre Mercier Dupont Lambert Bonnet François Colonna Séjourné Barrot"
        ),
    },
    "spanish": {
        "given": pairs(
            "José Juan Luis Carlos Jorge Manuel Francisco Antonio Miguel Alejandro Fernando "
            "Javier Ricardo Eduardo Sergio Marcelo María Ana Carmen Laura Lucía Isabel "
            "Gabriela Patricia Verónica Alicia Rosa Santiago Arancha Marcelo"
        ),
        "family": pairs(
            "García Rodríguez Martínez López González Hernández Pérez Sánchez Ramírez Torres "
            "Flores Rivera Gómez Díaz Cruz Morales Reyes Gutiérrez Ortiz Ruiz Jiménez Mendoza "
            "Castillo Vargas Romero Navarro Herrera Medina Aguilar Albares Cafiero Bárcena"
        ),
    },
    "portuguese": {
        "given": pairs(
            "João José Antônio Francisco Carlos Paulo Pedro Lucas Luiz Marcos Luís Gabriel "
            "Rafael Celso Mauro Ernesto Fernando Ana Maria Francisca Adriana Juliana Márcia "
            "Fernanda Patrícia Aline Dilma"
        ),
        "family": pairs(
            "Silva Santos Oliveira Souza Rodrigues Ferreira Alves Pereira Lima Gomes Costa "
            "Ribeiro Martins Carvalho Almeida Lopes Soares Fernandes Vieira Barbosa Rocha Dias "
            "Nascimento Andrade Moreira Nunes Marques Machado Mendes Freitas Amorim Patriota"
        ),
    },
    "italian": {
        "given": pairs(
            "Giuseppe Giovanni Antonio Mario Luigi Francesco Angelo Vincenzo Pietro Paolo "
            "Marco Luca Matteo Alessandro Maria Anna Giulia Francesca Chiara Federica Paola"
        ),
        "family": pairs(
            "Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno "
            "Gallo Conti De_Luca Mancini Costa Giordano Rizzo Lombardi Moretti Tajani Gentiloni"
        ),
    },
    "indian": {
        "given": pairs(
            "Rajesh Suresh Ramesh Anil Sunil Vijay Sanjay Amit Rahul Arun Ajay Manoj Harsh "
            "Vikram Vinay Nirmala Sushma Priya Anjali Sunita Meera Kavita Pooja Subrahmanyam "
            "Shivshankar Taranjit Ruchira"
        ),
        "family": pairs(
            "Sharma Verma Gupta Singh Kumar Patel Shah Mehta Iyer Nair Reddy Rao Menon Pillai "
            "Chatterjee Banerjee Mukherjee Das Bose Joshi Kapoor Malhotra Chopra Bhatia "
            "Shringla Gokhale Kwatra Misri Krishnan Subramanian Agarwal Sandhu Kamboj"
        ),
    },
    "pakistani": {
        "given": pairs(
            "Muhammad Imran Shah Asif Bilawal Hina Sartaj Tehmina Aizaz Zahid Nasir Farhan "
            "Ayesha Mumtaz Sohail Jalil Asim Ishaq"
        ),
        "family": pairs(
            "Khan Qureshi Ahmad Chaudhry Malik Butt Rabbani Janjua Aziz Zahra Baloch Abbasi "
            "Hashmi Jilani Dar Akram Durrani"
        ),
    },
    "turkish": {
        "given": pairs(
            "Mehmet Mustafa Ahmet Ali Hüseyin Hasan İbrahim Murat Ömer Mevlüt Hakan Emine "
            "Ayşe Fatma Zeynep Elif Kemal Recep Davut Cem Erdem Sedat"
        ),
        "family": pairs(
            "Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan "
            "Kılıç Aslan Çetin Kara Koç Kurt Özkan Şimşek Çavuşoğlu Fidan Akar Önal"
        ),
    },
    "vietnamese": {
        "family": pairs(
            "Nguyen:Nguyễn Tran:Trần Le:Lê Pham:Phạm Hoang:Hoàng Huynh:Huỳnh Phan:Phan Vu:Vũ "
            "Vo:Võ Dang:Đặng Bui:Bùi Do:Đỗ Ho:Hồ Ngo:Ngô Duong:Dương Ly:Lý Bui:Bùi"
        ),
        "middle": pairs(
            "Van:Văn Thi:Thị Minh:Minh Duc:Đức Huu:Hữu Quang:Quang Xuan:Xuân Thanh:Thanh "
            "Ngoc:Ngọc Phu:Phú"
        ),
        "given": pairs(
            "Anh:Anh Binh:Bình Cuong:Cường Dung:Dũng Hai:Hải Hung:Hùng Khoa:Khoa Long:Long "
            "Nam:Nam Phuc:Phúc Quan:Quân Son:Sơn Thang:Thắng Trung:Trung Tuan:Tuấn Viet:Việt "
            "Ha:Hà Lan:Lan Linh:Linh Mai:Mai Nga:Nga Hang:Hằng Son:Sơn"
        ),
    },
    "indonesian": {
        "given": pairs(
            "Budi Joko Agus Bambang Hadi Retno Sri Dewi Siti Rizal Andi Yusuf Eko Wahyu "
            "Teguh Arif Hendra Sugiono Dino Marty"
        ),
        "family": pairs(
            "Santoso Wijaya Susanto Hidayat Saputra Pratama Kurniawan Setiawan Nugroho Gunawan "
            "Halim Lestari Marsudi Sugiarto Hartono Natalegawa Patti_Djalal"
        ),
    },
    "thai": {
        "given": pairs(
            "Somchai Prayut Surakiart Kanokwan Suda Don Kasit Sihasak Maris Parnpree Thani "
            "Pornpimol Chaturon"
        ),
        "family": pairs(
            "Pramudwinai Sathirathai Wongsawat Srisai Piromya Sangiampongsa Bahiddha-nukara "
            "Thongphakdi Chutikul Kittiratt Suwannachot"
        ),
    },
    "filipino": {
        "given": pairs(
            "Jose Maria Teodoro Alberto Enrique Ferdinand Rodrigo Manuel Leila Imelda "
            "Theresa Ma._Theresa Jesus Albert Carlos"
        ),
        "family": pairs(
            "Santos Reyes Cruz Bautista Ocampo Garcia Mendoza Del_Rosario Manalo Locsin "
            "Lazaro Cayetano Yap Tan Domingo Aquino"
        ),
    },
    "nigerian": {
        "given": pairs(
            "Chinedu Emeka Oluwaseun Adebayo Babajide Ngozi Chioma Amina Ibrahim Musa Yusuf "
            "Geoffrey Olufemi Zainab Bianca Yemi"
        ),
        "family": pairs(
            "Okafor Okonkwo Adeyemi Balogun Eze Nwosu Ogunleye Abubakar Bello Danjuma Onyeama "
            "Tuggar Okonjo Ojukwu Adesina Aliyu"
        ),
    },
    "kenyan": {
        "given": pairs(
            "Uhuru William Raila Kalonzo Wanjiru Achieng Otieno Kamau Musalia Monica Amina "
            "Raychelle Alfred Korir"
        ),
        "family": pairs(
            "Odhiambo Ochieng Mwangi Kamau Wanjala Mutua Juma Mohamed Omamo Mudavadi Sing'oei "
            "Kiprono Wetangula Kosgei"
        ),
    },
    "southern_african": {
        "given": pairs(
            "Thabo Cyril Naledi Lindiwe Sipho Themba Ronald Nosiviwe Zane Nkosazana Jeff "
            "Kgosientsho Candith"
        ),
        "family": pairs(
            "Ndlovu Dlamini Mokoena Naidoo Pandor Mahlangu Lamola Mapisa-Nqakula Radebe "
            "Nkoana-Mashabane Sisulu Mthethwa Ngcobo Khumalo"
        ),
    },
    "ethiopian": {
        "given": pairs(
            "Abiy:ዐቢይ Tedros:ቴዎድሮስ Demeke:ደመቀ Redwan:ሬድዋን Gedion:ጌዲዮን Meles:መለስ "
            "Hirut:ሂሩት Billene:ቢለኔ Taye:ታዬ Dina:ዲና"
        ),
        "family": pairs(
            "Tesfaye:ተስፋዬ Bekele:በቀለ Alemu:አለሙ Girma:ግርማ Haile:ኃይሌ Mengistu:መንግሥቱ "
            "Mekonnen:መኮንን Hussien:ሁሴን Timothewos:ጢሞቴዎስ Atske-Selassie:አጽቀሥላሴ"
        ),
    },
    "polish": {
        "given": pairs(
            "Piotr Krzysztof Andrzej Tomasz Paweł Michał Marcin Jakub Radosław Zbigniew Anna "
            "Katarzyna Małgorzata Agnieszka Jacek Witold"
        ),
        "family": pairs(
            "Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński "
            "Szymański Woźniak Sikorski Czaputowicz Waszczykowski Przydacz Rau"
        ),
    },
    "dutch": {
        "given": pairs(
            "Jan Pieter Hendrik Willem Stef Sigrid Wopke Bert Frans Mark Ank Hanke Liesje Caspar"
        ),
        "family": pairs(
            "de_Jong Jansen de_Vries van_den_Berg van_Dijk Bakker Visser Smit Meijer de_Boer "
            "Mulder Blok Hoekstra Koenders Bruins_Slot Veldkamp"
        ),
    },
    "nordic": {
        "given": pairs(
            "Lars Anders Erik Per Jonas Magnus Ann Linde Margot Ine Anniken Espen Tobias "
            "Maria Ingrid Carl Johan Kristina"
        ),
        "family": pairs(
            "Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsen Hansen Johansen "
            "Berg Haugen Wallström Bildt Støre Søreide Huitfeldt Eide Billström Stenergard"
        ),
    },
    "hebrew": {
        "given": pairs(
            "Yossi:יוסי David:דוד Moshe:משה Avi:אבי Yair:יאיר Tzipi:ציפי Ayelet:איילת "
            "Michal:מיכל Gilad:גלעד Eli:אלי Gideon:גדעון Yisrael:ישראל Ron:רון"
        ),
        "family": pairs(
            "Cohen:כהן Levi:לוי Mizrahi:מזרחי Peretz:פרץ Biton:ביטון Friedman:פרידמן Katz:כץ "
            "Shalev:שלו Ben-David:בן-דוד Avraham:אברהם Dermer:דרמר Erdan:ארדן Haiat:חיאט"
        ),
    },
}

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

ROLES = [
    ("Foreign Ministry spokesperson", 6.0),
    ("Vice Foreign Minister", 3.0),
    ("Foreign Minister", 1.5),
    ("Assistant Foreign Minister", 2.0),
    ("Ambassador to {other}", 4.0),
    ("Director-General of the Department of {dept}, Ministry of Foreign Affairs", 2.0),
    ("Minister of Commerce", 1.0),
    ("Vice Minister of Commerce", 1.0),
    ("Deputy Prime Minister", 0.6),
    ("Special Envoy for {topic}", 1.5),
    ("Permanent Representative to the United Nations", 1.0),
    ("Minister of Justice", 0.6),
    ("National Security Adviser", 0.6),
    ("Member of Parliament", 2.0),
    ("Senior official of the Ministry of Foreign Affairs", 1.5),
    ("Prime Minister", 0.3),
]
COUNTRY_ROLES = {
    "China": [
        ("Foreign Ministry spokesperson", 8.0),
        ("Vice Foreign Minister", 3.0),
        ("State Councilor", 0.8),
        ("Vice Premier", 0.8),
        ("Ambassador to {other}", 4.0),
        ("Director-General of the Department of {dept}, Ministry of Foreign Affairs", 3.0),
        ("Vice Minister of Commerce", 1.5),
        ("Deputy Director of the State Council Information Office", 1.0),
        ("Member of the Standing Committee of the National People's Congress", 1.0),
        ("Special Representative for {topic}", 1.0),
    ],
    "United States": [
        ("State Department spokesperson", 8.0),
        ("Secretary of State", 0.8),
        ("Deputy Secretary of State", 1.5),
        ("Assistant Secretary of State for {bureau}", 3.0),
        ("Secretary of the Treasury", 0.8),
        ("U.S. Trade Representative", 0.8),
        ("Ambassador to {other}", 4.0),
        ("Senator", 2.0),
        ("Special Envoy for {topic}", 1.5),
        ("White House press secretary", 1.5),
    ],
}
DEPARTMENTS = words(
    "International_Organizations_and_Conferences Asian_Affairs North_American_and_Oceanian_Affairs "
    "European_Affairs Treaty_and_Law Arms_Control Information Policy_Planning Consular_Affairs "
    "West_Asian_and_North_African_Affairs African_Affairs Latin_American_and_Caribbean_Affairs"
)
BUREAUS = words(
    "Democracy,_Human_Rights_and_Labor East_Asian_and_Pacific_Affairs Economic_and_Business_"
    "Affairs International_Organization_Affairs South_and_Central_Asian_Affairs "
    "European_and_Eurasian_Affairs Arms_Control"
)
ENVOY_TOPICS = words(
    "Human_Rights Climate_Change Korean_Peninsula_Affairs Middle_East_Affairs African_Affairs "
    "Eurasian_Affairs International_Religious_Freedom Cyber_Affairs Disarmament Refugees"
)

DIALOGUE_TYPES = [
    ("Human Rights Dialogue", 5.0),
    ("Strategic Dialogue", 4.0),
    ("Strategic and Economic Dialogue", 1.5),
    ("Economic and Trade Dialogue", 2.5),
    ("Security Dialogue", 1.5),
    ("Legal Experts' Dialogue", 1.0),
    ("High-Level Dialogue on Climate", 0.8),
    ("Consultations on Consular Affairs", 0.6),
    ("Cyber Dialogue", 0.6),
]
OUTLET_PATTERNS = [
    "{adj} News Agency",
    "The {capital} Herald",
    "{capital} Daily",
    "{country} Today",
    "{adj} Broadcasting Corporation",
    "The {city} Observer",
    "Ministry of Foreign Affairs of {country}",
    "{capital} Evening Post",
]

# --- Statement vocabulary ---------------------------------------------------------------------
# Each list is in order of how often a word is used; picks follow a Zipf law over that order.
# Set phrases carry their own weights, tuned so that "human rights" appears in roughly one
# statement in six and "territorial integrity" in one in fifty, as in the seed articles.

PHRASES = [
    ("human rights", 30),
    ("mutual respect", 12),
    ("cooperation", 10),
    ("dialogue and consultation", 7),
    ("mutual trust", 7),
    ("internal affairs", 6),
    ("equality and mutual respect", 6),
    ("win-win cooperation", 5),
    ("core interests", 5),
    ("the rule of law", 5),
    ("territorial integrity", 4),
    ("national sovereignty", 4),
    ("mutual benefit", 4),
    ("peace and stability", 4),
    ("individual cases", 3),
    ("people-to-people exchanges", 3),
    ("mutual understanding", 3),
    ("international law", 3),
    ("the UN Charter", 2.5),
    ("freedom of expression", 2.5),
    ("economic and trade cooperation", 2.5),
    ("the right to development", 2),
    ("non-interference in internal affairs", 2),
    ("double standards", 2),
    ("national conditions", 2),
    ("the development path", 2),
    ("climate change", 2),
    ("regional stability", 2),
    ("religious freedom", 1.5),
    ("press freedom", 1.5),
    ("judicial reform", 1.5),
    ("social security", 1.5),
    ("poverty alleviation", 1.5),
    ("market access", 1.5),
    ("free trade", 1.5),
    ("ethnic minorities", 1.2),
    ("racial discrimination", 1.0),
    ("a Cold War mentality", 1.0),
    ("peaceful coexistence", 1.0),
    ("common ground while shelving differences", 0.8),
    ("intellectual property rights", 0.8),
    ("nuclear non-proliferation", 0.8),
    ("multilateralism", 0.8),
    ("the international order", 0.8),
    ("universal values", 0.7),
    ("grassroots elections", 0.5),
    ("the Universal Declaration of Human Rights", 0.5),
    ("fair trial", 0.5),
    ("arbitrary detention", 0.5),
    ("labor rights", 0.5),
    ("women's rights", 0.5),
    ("the rights of persons with disabilities", 0.3),
    ("economic, social and cultural rights", 0.3),
    ("civil and political rights", 0.3),
    ("cyberspace governance", 0.4),
    ("supply chain security", 0.4),
    ("the exchange rate", 0.4),
    ("legitimate rights and interests", 1.0),
]
NOUNS = words(
    "relations dialogue development issues progress exchanges differences concerns stability "
    "peace security interests partnership principles efforts measures policies talks "
    "situation engagement commitment responsibility framework mechanism consensus "
    "communication challenges reform trade economy investment growth prosperity region "
    "community people citizens society values culture energy technology health education "
    "poverty freedom justice democracy transparency accountability sanctions tariffs markets "
    "currency agreement treaty delegation visit summit declaration statement proposal "
    "initiative roadmap negotiations ties friendship solidarity confidence provocation "
    "interference accusations pressure criticism minorities journalists media internet "
    "elections courts prisoners detainees dissidents refugees migrants labor workers women "
    "children environment pollution pandemic vaccines food water infrastructure connectivity "
    "legislation governance institutions obligations assurances guarantees misunderstandings "
    "misjudgment channels platform arrangements expectations priorities achievements "
    "setbacks obstacles disputes incidents allegations evidence reports findings "
    "recommendations observers inspectors monitors experts scholars students tourists "
    "farmers entrepreneurs companies banks exports imports subsidies quotas procurement "
    "shipping fisheries aviation satellites semiconductors telecommunications standards "
    "visas consulates embassies envoys ministries parliaments congress judges lawyers "
    "petitioners activists NGOs charities churches mosques temples monasteries schools "
    "universities hospitals villages provinces borders waters airspace islands reefs "
    "straits pipelines railways ports harbors corridors"
)
ADJECTIVES = words(
    "bilateral mutual constructive sincere frank practical comprehensive strategic long-term "
    "stable healthy positive fruitful in-depth open equal common shared international "
    "regional global fundamental legitimate important serious historical objective peaceful "
    "sustainable economic social cultural political legal judicial religious ethnic "
    "democratic irresponsible groundless so-called unilateral multilateral inclusive balanced "
    "pragmatic steady new further broad key candid cordial tangible concrete lasting "
    "unprecedented arbitrary discriminatory punitive reciprocal transparent verifiable "
    "humanitarian maritime environmental technological"
)
VERBS = [  # base, past, gerund
    (v, p, g)
    for v, p, g in (
        item.split("/")
        for item in words(
            "strengthen/strengthened/strengthening promote/promoted/promoting "
            "deepen/deepened/deepening expand/expanded/expanding enhance/enhanced/enhancing "
            "respect/respected/respecting protect/protected/protecting "
            "safeguard/safeguarded/safeguarding uphold/upheld/upholding "
            "advance/advanced/advancing maintain/maintained/maintaining build/built/building "
            "develop/developed/developing support/supported/supporting "
            "address/addressed/addressing resolve/resolved/resolving manage/managed/managing "
            "handle/handled/handling discuss/discussed/discussing implement/implemented/"
            "implementing honour/honoured/honouring defend/defended/defending "
            "improve/improved/improving review/reviewed/reviewing oppose/opposed/opposing "
            "reject/rejected/rejecting welcome/welcomed/welcoming "
            "consolidate/consolidated/consolidating facilitate/facilitated/facilitating "
            "encourage/encouraged/encouraging explore/explored/exploring "
            "pursue/pursued/pursuing seek/sought/seeking ensure/ensured/ensuring "
            "achieve/achieved/achieving politicize/politicized/politicizing "
            "undermine/undermined/undermining restore/restored/restoring "
            "revive/revived/reviving clarify/clarified/clarifying "
            "monitor/monitored/monitoring reaffirm/reaffirmed/reaffirming"
        )
    )
]
MODALS = words(
    "will should must are_ready_to will_continue_to are_willing_to need_to hope_to "
    "stand_ready_to have_agreed_to intend_to"
)
STANCES = words(
    "supports welcomes values opposes rejects is_concerned_about attaches_great_importance_to "
    "is_committed_to firmly_opposes appreciates condemns has_noted deplores "
    "remains_open_to is_deeply_worried_about"
)
EVALUATIONS = words(
    "the_foundation_of_our_relationship in_the_interest_of_both_peoples "
    "a_matter_of_principle not_negotiable essential_for_lasting_peace "
    "the_common_aspiration_of_the_international_community a_shared_responsibility "
    "the_right_way_forward a_long-term_task beyond_dispute"
)
EVALUATIVES = words(
    "necessary important essential beneficial crucial unacceptable regrettable natural vital"
)
TIME_REFS = words(
    "last_week this_year in_recent_years on_Monday on_Tuesday on_Wednesday on_Thursday "
    "on_Friday last_month in_the_coming_months since_the_last_round during_the_talks "
    "at_the_current_stage in_the_past_decade"
)
PLACES = words(
    "Xinjiang Tibet Hong_Kong Taiwan Kashmir Crimea Donbas Gaza the_West_Bank "
    "the_South_China_Sea the_East_China_Sea the_Korean_Peninsula Myanmar Afghanistan Syria "
    "Yemen Sudan Libya the_Sahel the_Arctic the_Mekong Venezuela Belarus Nagorno-Karabakh "
    "Kosovo Cyprus Somalia Haiti Ethiopia's_Tigray_region the_Red_Sea the_Strait_of_Hormuz "
    "the_Taiwan_Strait the_Balkans Central_Asia the_Horn_of_Africa Lhasa Urumqi Macao"
)
TAIL_KINDS = words(
    "case region initiative province basin corridor accord incident project memorandum "
    "declaration plan protocol zone county"
)
TAIL_SYLLABLES = words(
    "ka ra mo li ven dor sa ta lu bel mir na ko zan tel por gu vi ash ren ol ul esh tor "
    "kal bra dri fen gol hal jor kes lom mun nor pel quin ros sul tam var wen yor zel"
)
TAIL_SIZE = 20000


def build_tail_words(n=TAIL_SIZE):
    """Made-up proper names for the long tail of rare words; the same for every seed, so the
    benchmark's rare terms are stable (rank 1 is common, rank 20,000 nearly absent)."""
    rng = random.Random("synth-tail-words")
    seen, out = set(), []
    while len(out) < n:
        word = "".join(rng.choice(TAIL_SYLLABLES) for _ in range(rng.choice((2, 3, 3, 4))))
        if len(word) >= 5 and word not in seen:
            seen.add(word)
            out.append(word.capitalize())
    return out


TAIL_WORDS = build_tail_words()


def _u(items):
    return [item.replace("_", " ") for item in items]


# --- Plain data the generator produces --------------------------------------------------------


@dataclass
class SOutlet:
    slug: str
    name: str
    country: str
    url: str


@dataclass
class SSpeaker:
    slug: str
    name: str
    kind: str
    country: str
    title: str = ""
    native_name: str = ""
    aliases: list[str] = field(default_factory=list)
    outlet: str = ""  # outlet slug for an editorial voice
    role: str = ""  # how articles word it: "Chinese Vice Foreign Minister"
    short: str = ""  # how articles refer to the speaker the second time ("Cui")


@dataclass
class SDialogue:
    slug: str
    name: str
    parties: tuple[Country, Country]
    established: int
    kind: str
    aliases: list[str]


@dataclass
class SRound:
    slug: str
    dialogue: SDialogue
    ordinal: int | None
    location: str
    start: dt.date
    end: dt.date
    co_chairs: list[str]  # speaker slugs
    summary: str


@dataclass
class Cast:
    outlets: list[SOutlet]
    speakers: list[SSpeaker]
    dialogues: list[SDialogue]
    rounds: list[SRound]


@dataclass
class SQuote:
    speaker: str  # slug
    speaker_role: str
    text: str
    kind: str
    start: int
    end: int
    said_on: dt.date | None
    round: str | None  # round slug
    themes: list[str]  # theme slugs
    is_reviewed: bool


@dataclass
class SArticle:
    serial: int
    title: str
    slug: str
    outlet: str  # outlet slug
    published_on: dt.date
    published_on_inferred: bool
    dateline: str
    url: str
    body: str
    raw_text: str
    checksum: str
    rounds: list[str]
    themes: list[str]
    quotes: list[SQuote]


# --- The generator ----------------------------------------------------------------------------


def theme_tagger(themes):
    """A function text -> theme slugs, from each theme's keywords (whole words, any case)."""
    by_keyword = {}
    for slug, keywords in themes.items():
        for kw in keywords:
            by_keyword.setdefault(kw.lower(), set()).add(slug)
    if not by_keyword:
        return lambda text: []
    pattern = re.compile(
        r"\b(" + "|".join(re.escape(k) for k in sorted(by_keyword, key=len, reverse=True)) + r")\b",
        re.IGNORECASE,
    )

    def tag(text):
        found = set()
        for m in pattern.finditer(text):
            found |= by_keyword[m.group(1).lower()]
        return sorted(found)

    return tag


def reference_themes():
    """The controlled vocabulary from fixtures/reference.json: slug -> (name, description,
    keywords)."""
    path = settings.BASE_DIR / "fixtures" / "reference.json"
    out = {}
    for record in json.loads(path.read_text(encoding="utf-8")):
        if record["model"] == "statements.theme":
            f = record["fields"]
            out[f["slug"]] = (f["name"], f.get("description", ""), f.get("keywords", ""))
    return out


class SyntheticArchive:
    """The corpus for a seed: ``cast()`` (outlets, speakers, dialogues, rounds) and
    ``articles()``. Nothing here touches the database."""

    def __init__(self, seed=1, n_quotes=1000, themes=None):
        self.seed = seed
        self.n_quotes = n_quotes
        themes = themes or {s: k.splitlines() for s, (_, _, k) in reference_themes().items()}
        self.tag = theme_tagger(themes)
        self._phrase = Zipf([p for p, _ in PHRASES], s=0, boost=[w for _, w in PHRASES])
        self._noun = Zipf(NOUNS, s=1.0)
        self._adj = Zipf(ADJECTIVES, s=1.0)
        self._verb = Zipf(VERBS, s=0.9)
        self._modal = Zipf(_u(MODALS), s=1.0)
        self._stance = Zipf(_u(STANCES), s=0.9)
        self._evaluation = Zipf(_u(EVALUATIONS), s=0.8)
        self._evaluative = Zipf(EVALUATIVES, s=0.8)
        self._time = Zipf(_u(TIME_REFS), s=0.7)
        self._place = Zipf(_u(PLACES), s=1.0)
        self._tail = Zipf(TAIL_WORDS, s=1.0)
        self._tail_kind = Zipf(TAIL_KINDS, s=0.8)
        self._cast = None

    # The cast grows with the square root of the corpus (thousands of speakers at a million
    # quotes); each part has its own random stream, so a bigger corpus extends a smaller one.
    def sizes(self):
        n = max(self.n_quotes, 1)
        return {
            # Delegations, governments and outlets' voices come on top of the persons.
            "speakers": 2 * len(COUNTRY_LIST) + max(40, int(8 * n**0.5)),
            "dialogues": max(6, min(60, int(n**0.5 / 20))),
            "outlets": max(8, min(60, int(n**0.5 / 25))),
        }

    def cast(self):
        if self._cast is None:
            sizes = self.sizes()
            outlets = self._outlets(sizes["outlets"])
            speakers = self._speakers(sizes["speakers"], outlets)
            dialogues = self._dialogues(sizes["dialogues"])
            rounds = self._rounds(dialogues, speakers)
            self._cast = Cast(outlets, speakers, dialogues, rounds)
        return self._cast

    def _rng(self, part):
        return random.Random(f"{self.seed}:{part}")

    def _outlets(self, n):
        rng = self._rng("outlets")
        out = [SOutlet(f"{PREFIX}wire", "Synthetic Wire", "", URL_PREFIX)]
        names = {"Synthetic Wire"}
        countries = Zipf(COUNTRY_LIST, s=0, boost=[c.weight for c in COUNTRY_LIST])
        while len(out) < n:
            c = countries(rng)
            name = rng.choice(OUTLET_PATTERNS).format(
                adj=c.adj, capital=c.capital, city=c.city, country=c.name
            )
            if name in names:
                continue
            names.add(name)
            slug = PREFIX + slugify(name)
            out.append(SOutlet(slug, name, c.name, f"{URL_PREFIX}{slug}/"))
        return out

    def _speakers(self, n, outlets):
        rng = self._rng("speakers")
        out, names, slugs = [], set(), set()

        def add(s):
            names.add(s.name)
            slugs.add(s.slug)
            out.append(s)

        for c in COUNTRY_LIST:
            add(
                SSpeaker(
                    PREFIX + slugify(f"{c.adj} delegation"),
                    f"{c.adj} delegation",
                    "delegation",
                    c.name,
                    aliases=[f"the {c.adj} side", f"{c.adj} side", f"{c.name}'s delegation"],
                    role="",
                    short=f"the {c.adj} side",
                )
            )
            add(
                SSpeaker(
                    PREFIX + slugify(f"{c.adj} government"),
                    f"{c.adj} government",
                    "government",
                    c.name,
                    aliases=[c.name, c.capital, f"the {c.adj} government"],
                    short=c.name,
                )
            )
        for o in outlets:
            add(
                SSpeaker(
                    PREFIX + slugify(o.name) + "-editorial",
                    o.name,
                    "outlet",
                    o.country,
                    title="Editorial",
                    aliases=[f"{o.name} editorial"],
                    outlet=o.slug,
                    short=o.name,
                )
            )
        countries = Zipf(COUNTRY_LIST, s=0, boost=[c.weight for c in COUNTRY_LIST])
        tries = 0
        while len(out) < n and tries < n * 50:
            tries += 1
            c = countries(rng)
            person = self._person(rng, c)
            if person.name in names or person.slug in slugs:
                continue
            add(person)
        return out

    def _person(self, rng, c):
        pool = NAMES[c.group]
        family, family_native = rng.choice(pool["family"])
        native, aliases = "", []
        if c.group == "chinese":
            parts = [rng.choice(pool["given"]) for _ in range(rng.choice((1, 2, 2, 2)))]
            given = "".join(p for p, _ in parts).capitalize()
            name = f"{family} {given}"
            native = family_native + "".join(n for _, n in parts)
            if len(parts) == 2 and rng.random() < 0.3:
                aliases.append(f"{family} {parts[0][0].capitalize()} {parts[1][0].capitalize()}")
            short = family
        elif c.group == "korean":
            a, b = rng.choice(pool["given"]), rng.choice(pool["given"])
            name = f"{family} {a[0].capitalize()}-{b[0]}"
            native = family_native + a[1] + b[1]
            if rng.random() < 0.3:
                aliases.append(f"{family} {a[0].capitalize()}{b[0]}")
            short = family
        elif c.group == "vietnamese":
            middle, given = rng.choice(pool["middle"]), rng.choice(pool["given"])
            name = f"{family} {middle[0]} {given[0]}"
            native = f"{family_native} {middle[1]} {given[1]}"
            short = given[0]
        else:
            given, given_native = rng.choice(pool["given"])
            if (
                c.group in {"russian", "kazakh"}
                and given.endswith("a")
                and family.endswith(("ov", "ev", "in"))
            ):
                # Russian family names agree with a woman's given name.
                family, family_native = family + "a", family_native + "а"
            if c.group == "indonesian" and rng.random() < 0.15:
                name, short = given, given  # many Indonesians go by one name
            else:
                name, short = f"{given} {family}", family
            if c.group == "spanish" and rng.random() < 0.3:
                second = rng.choice(pool["family"])[0]
                aliases.append(name)
                name = f"{name} {second}"
            if family_native and given_native:
                native = (
                    f"{family_native}{given_native}"
                    if c.group == "japanese"
                    else f"{given_native} {family_native}"
                )
            if c.group == "english" and rng.random() < 0.25:
                aliases.append(f"{given} {rng.choice('ABCDEFGHJKLMNPRSTW')}. {family}")
            alt = ALTERNATES.get(given) or ALTERNATES.get(family)
            if alt and rng.random() < 0.6:
                aliases.append(
                    name.replace(given, alt) if given in ALTERNATES else name.replace(family, alt)
                )
            if ascii_fold(name) != name:
                aliases.append(ascii_fold(name))  # how English-language wires often spell it
        roles = COUNTRY_ROLES.get(c.name, ROLES)
        title = rng.choices([r for r, _ in roles], weights=[w for _, w in roles])[0]
        other = rng.choice([x for x in COUNTRY_LIST if x is not c])
        title = title.format(
            other=other.name,
            dept=rng.choice(DEPARTMENTS).replace("_", " "),
            bureau=rng.choice(BUREAUS).replace("_", " "),
            topic=rng.choice(ENVOY_TOPICS).replace("_", " "),
        )
        if rng.random() < 0.04:
            # Same person as a different speaker name happens: a later title in the alias.
            aliases.append(f"{title} {short}")
        return SSpeaker(
            PREFIX + slugify(ascii_fold(name)),
            name,
            "person",
            c.name,
            title=title,
            native_name=native,
            aliases=list(dict.fromkeys(a for a in aliases if a != name)),
            role=f"{c.adj} {title}",
            short=short,
        )

    def _dialogues(self, n):
        rng = self._rng("dialogues")
        weighted = Zipf(COUNTRY_LIST, s=0, boost=[c.weight**0.7 for c in COUNTRY_LIST])
        kinds = Zipf([k for k, _ in DIALOGUE_TYPES], s=0, boost=[w for _, w in DIALOGUE_TYPES])
        out, seen = [], set()
        while len(out) < n:
            a, b = weighted(rng), weighted(rng)
            if a is b:
                continue
            kind = kinds(rng)
            key = (frozenset((a.name, b.name)), kind)
            if key in seen:
                continue
            seen.add(key)
            # Names put the bigger party first, the way each side's press usually does.
            if a.weight < b.weight:
                a, b = b, a
            name = f"{a.short}-{b.short} {kind}"
            established = rng.randint(1996, 2019)
            aliases = [
                f"{b.short}-{a.short} {kind}",
                f"{a.adj}-{b.adj} {kind.lower()}",
                kind.lower(),
            ]
            out.append(SDialogue(PREFIX + slugify(name), name, (a, b), established, kind, aliases))
        return out

    def _rounds(self, dialogues, speakers):
        persons = {}
        for s in speakers:
            if s.kind == "person":
                persons.setdefault(s.country, []).append(s.slug)
        out = []
        for d in dialogues:
            # One stream per dialogue, so a bigger cast keeps the rounds a smaller one had.
            rng = self._rng(f"rounds:{d.slug}")
            chair_rng = self._rng(f"chairs:{d.slug}")
            ordinal = 0
            known = rng.random() < 0.8  # some dialogues never number their rounds
            year = d.established
            a, b = d.parties
            while year <= 2025:
                if rng.random() < 0.8:  # and some years they do not meet
                    ordinal += 1
                    start = dt.date(year, 1, 1) + dt.timedelta(days=rng.randint(14, 340))
                    end = start + dt.timedelta(days=rng.choice((0, 1, 1, 1, 2)))
                    host = (a, b)[ordinal % 2]
                    location = host.capital if rng.random() < 0.8 else host.city
                    chairs = [
                        chair_rng.choice(persons[p.name]) for p in (a, b) if persons.get(p.name)
                    ]
                    out.append(
                        SRound(
                            slug=f"{d.slug}-{start.isoformat()}",
                            dialogue=d,
                            ordinal=ordinal if known and rng.random() < 0.9 else None,
                            location=location,
                            start=start,
                            end=end,
                            co_chairs=chairs,
                            summary=(
                                f"Held in {location}. The two sides discussed "
                                f"{self._phrase(rng)} and {self._phrase(rng)}."
                            ),
                        )
                    )
                year += 1 if rng.random() < 0.85 else 2
        return out

    # --- Statements -----------------------------------------------------------------------

    def _np(self, rng):
        r = rng.random()
        if r < 0.42:
            np = self._phrase(rng)
        else:
            noun = self._noun(rng)
            np = f"{self._adj(rng)} {noun}" if r < 0.75 else noun
            if rng.random() < 0.5:
                np = ("the " if rng.random() < 0.6 else "our ") + np
            if rng.random() < 0.15:
                np += f" on {self._phrase(rng)}"
        t = rng.random()
        if t < 0.05:
            np += f" in {self._place(rng)}"
        elif t < 0.10:
            np += f" concerning the {self._tail(rng)} {self._tail_kind(rng)}"
        return np

    def _pp(self, rng):
        r = rng.random()
        if r < 0.45:
            return ""
        if r < 0.55:
            return f" on the basis of {self._phrase(rng)}"
        if r < 0.63:
            return f" in the spirit of {self._phrase(rng)}"
        if r < 0.70:
            return f" in accordance with {self._np(rng)}"
        if r < 0.77:
            return f" through {self._np(rng)}"
        if r < 0.83:
            return f" {self._time(rng)}"
        if r < 0.90:
            return f" for the sake of {self._np(rng)}"
        if r < 0.95:
            return f" in {self._place(rng)}"
        return f" without {self._np(rng)}"

    def sentence(self, rng, me, other, person=1):
        """One statement-like sentence; ``me`` and ``other`` are Countries."""
        base, past, _ = self._verb(rng)
        if person == 1:
            subj = rng.choice(("We", "We", "We", me.name, f"The {me.adj} side"))
        else:
            subj = rng.choice((me.name, f"the {me.adj} side", "the two sides", "both countries"))
        singular = subj not in {"We", "the two sides", "both countries"}
        t = rng.random()
        if t < 0.22:
            s = f"{subj} {_agree(self._modal(rng), singular)} {base} {self._np(rng)}{self._pp(rng)}"
        elif t < 0.38:
            s = f"{subj} {_agree(self._stance(rng), singular)} {self._np(rng)}{self._pp(rng)}"
        elif t < 0.50:
            _, past2, _ = self._verb(rng)
            s = f"the two sides {past} {self._np(rng)} and {past2} {self._np(rng)}{self._pp(rng)}"
        elif t < 0.60:
            s = f"it is {self._evaluative(rng)} for both sides to {base} {self._np(rng)}"
        elif t < 0.70:
            _, _, gerund = self._verb(rng)
            who = rng.choice((other.name, f"the {other.adj} side", "no country"))
            s = f"{who} should {base} {self._np(rng)} rather than {gerund} {self._np(rng)}"
        elif t < 0.80:
            hope = "hopes" if singular else "hope"
            s = f"{subj} {hope} the {other.adj} side will {base} {self._np(rng)}{self._pp(rng)}"
        elif t < 0.90:
            s = f"respect for {self._np(rng)} is {self._evaluation(rng)}"
        else:
            s = f"{subj} {past} {self._np(rng)} with the {other.adj} side {self._time(rng)}"
        return s[0].upper() + s[1:] + "."

    def statement(self, rng, me, other, person=1, min_sentences=1, max_sentences=3):
        n = rng.randint(min_sentences, max_sentences)
        return " ".join(self.sentence(rng, me, other, person) for _ in range(n))

    # --- Articles -------------------------------------------------------------------------

    def articles(self, offset=0):
        """Yield SArticle objects holding exactly ``n_quotes`` quotes in all; ``offset`` is the
        number of synthetic articles already stored (serials and the random stream follow)."""
        cast = self.cast()
        rng = random.Random(f"{self.seed}:articles:{offset}")
        country_of = {c.name: c for c in COUNTRY_LIST}
        persons = [s for s in cast.speakers if s.kind == "person"]
        boost = [
            country_of[s.country].weight ** 0.5 * (6 if "spokesperson" in s.title else 1)
            for s in persons
        ]
        any_person = Zipf(persons, s=0.8, boost=boost)
        by_country = {}
        for s in persons:
            by_country.setdefault(s.country, []).append(s)
        country_person = {c: Zipf(ps, s=1.0) for c, ps in by_country.items()}
        collective = {}
        for s in cast.speakers:
            if s.kind in {"delegation", "government"}:
                collective.setdefault(s.country, []).append(s)
        voice_of = {s.outlet: s for s in cast.speakers if s.kind == "outlet"}
        outlet = Zipf(cast.outlets, s=1.0)
        rounds = cast.rounds
        years = list(range(FIRST_DAY.year, LAST_DAY.year + 1))
        year = Zipf(years, s=0, boost=[1 + i for i in range(len(years))])  # archives grow
        remaining = self.n_quotes
        serial = offset
        while remaining > 0:
            n = min(remaining, max(3, int(rng.gauss(QUOTES_PER_ARTICLE, 3))))
            remaining -= n
            serial += 1
            src = outlet(rng)
            rnd = rng.choice(rounds) if rounds and rng.random() < 0.5 else None
            if rnd:
                published = rnd.start + dt.timedelta(days=rng.randint(-6, 4))
                a, b = rnd.dialogue.parties
                if rng.random() < 0.5:
                    a, b = b, a
            else:
                y = year(rng)
                published = dt.date(y, 1, 1) + dt.timedelta(days=rng.randint(0, 364))
                a = country_of.get(src.country) or rng.choice(COUNTRY_LIST)
                b = rng.choice([c for c in COUNTRY_LIST if c is not a])
            published = min(max(published, FIRST_DAY), LAST_DAY)
            yield self._article(
                rng,
                serial,
                n,
                src,
                published,
                rnd,
                a,
                b,
                pick_person=lambda c, _r=rng: (
                    country_person[c.name](_r)
                    if c.name in country_person and _r.random() < 0.85
                    else any_person(_r)  # third countries comment too
                ),
                collective=collective,
                voice=voice_of.get(src.slug),
                country_of=country_of,
            )

    def _article(
        self,
        rng,
        serial,
        n,
        src,
        published,
        rnd,
        a,
        b,
        *,
        pick_person,
        collective,
        voice,
        country_of,
    ):
        parts = []  # body paragraphs
        length = 0
        quotes = []
        city = (rnd.location if rnd else rng.choice((a.capital, a.capital, a.city))).upper()
        if rnd:
            d = rnd.dialogue
            ordinal = (
                f"the {_ordinal(rnd.ordinal)} round of the" if rnd.ordinal else "a new round of the"
            )
            lead = (
                f"{a.name} and {b.name} held {ordinal} {d.name} in {rnd.location} "
                f"{_weekday_phrase(rnd.start, published)}, discussing {self._np(rng)} and "
                f"{self._np(rng)}."
            )
            title = rng.choice(
                (
                    f"{a.short}, {b.short} hold {d.kind.lower()} in {rnd.location}",
                    f"{d.name} opens in {rnd.location}",
                    f"{a.short} calls for {self._phrase(rng)} at {d.kind.lower()}",
                    f"{a.adj} official urges {b.adj} side to respect {self._phrase(rng)}",
                )
            )
        else:
            lead = f"{a.name} {_agree(self._stance(rng), True)} {self._np(rng)}{self._pp(rng)}."
            title = rng.choice(
                (
                    f"{a.short} says {b.short} should respect {self._phrase(rng)}",
                    f"{a.short} urges {self._phrase(rng)} in ties with {b.short}",
                    f"{a.short}, {b.short} pledge {self._phrase(rng)}",
                    f"Spokesperson: {a.short} opposes {self._phrase(rng)} violations",
                )
            )
        parts.append(lead)
        length = len(lead) + 1
        said_days = None
        editorial = voice is not None and rng.random() < 0.08
        for i in range(n):
            kind_r = rng.random()
            me, other = (a, b) if rng.random() < 0.65 else (b, a)
            if editorial and i < 2:
                speaker = voice
                kind = "editorial"
            elif kind_r < 0.12 and collective.get(me.name):
                speaker = rng.choice(collective[me.name])
                kind = "indirect"
            else:
                speaker = pick_person(me)
                kind = "direct" if kind_r < 0.75 else "indirect"
            if speaker.kind != "outlet" and speaker.country in country_of:
                # Speakers talk from their own side, whoever the article is about.
                me = country_of[speaker.country]
                if me is other:
                    other = a if me is b else b
            if kind == "editorial":
                text = self.statement(rng, me, other, person=3, min_sentences=2, max_sentences=4)
                para, start = text, 0
            elif kind == "indirect":
                text = self.statement(rng, me, other, person=3, max_sentences=1)
                text = text[0].lower() + text[1:] if not text.startswith(me.name) else text
                who = speaker.short if speaker.kind == "person" and i else _display(speaker)
                lead_in = f"{who} said that "
                lead_in = lead_in[0].upper() + lead_in[1:]
                para, start = lead_in + text, len(lead_in)
            else:
                text = self.statement(rng, me, other, person=1)
                who = (
                    f"{speaker.role} {speaker.name}"
                    if speaker.role and rng.random() < 0.6
                    else speaker.name
                )
                form = rng.random()
                if form < 0.5:
                    lead_in = f'{who} said: "'
                    para, start = f'{lead_in}{text}"', len(lead_in)
                elif form < 0.8:
                    lead_in = f'{who} told reporters: "'
                    para, start = f'{lead_in}{text}"', len(lead_in)
                else:
                    para, start = f'"{text}" {speaker.short} added.', 1
                if rnd and rng.random() < 0.3:
                    para += f" The remarks came {_weekday_phrase(rnd.start, published)}."
            start += length
            parts.append(para)
            length += len(para) + 1
            if rng.random() < 0.25:
                filler = self._narrative(rng, a, b, rnd)
                parts.append(filler)
                length += len(filler) + 1
            if said_days is None or rng.random() < 0.3:
                said_days = rng.choice((0, 0, 0, 1, 1, 2, 3))
            said_on = None if rng.random() < 0.04 else published - dt.timedelta(days=said_days)
            quotes.append(
                SQuote(
                    speaker=speaker.slug,
                    speaker_role=(speaker.role if speaker.kind == "person" else ""),
                    text=text,
                    kind=kind,
                    start=start,
                    end=start + len(text),
                    said_on=said_on,
                    round=rnd.slug if rnd and rng.random() < 0.75 else None,
                    themes=self.tag(text),
                    is_reviewed=rng.random() < 0.4,
                )
            )
        body = "\n".join(parts)
        slug = f"{PREFIX}{serial}-{slugify(title)[:80].strip('-')}"
        url = f"{URL_PREFIX}{src.slug.removeprefix(PREFIX)}/{published:%Y/%m}/{serial}"
        dateline = city
        raw_text = (
            f"{title}\n{city}, {published:%B} {published.day} ({src.name}) --\n\n{body}\n\n"
            f"Source: {src.name}, {url}\n"
        )
        article_themes = sorted({t for q in quotes for t in q.themes})
        return SArticle(
            serial=serial,
            title=title[0].upper() + title[1:],
            slug=slug,
            outlet=src.slug,
            published_on=published,
            published_on_inferred=rng.random() < 0.03,
            dateline=dateline,
            url=url,
            body=body,
            raw_text=raw_text,
            checksum=hashlib.sha256(raw_text.encode("utf-8")).hexdigest(),
            rounds=[rnd.slug] if rnd else [],
            themes=article_themes,
            quotes=quotes,
        )

    def _narrative(self, rng, a, b, rnd):
        r = rng.random()
        if rnd and r < 0.4:
            return rng.choice(
                (
                    f"The talks in {rnd.location} lasted {(rnd.end - rnd.start).days + 1} days.",
                    f"Both sides agreed to hold the next round in "
                    f"{(b if rnd.location == a.capital else a).capital}.",
                    f"The {rnd.dialogue.kind.lower()} was set up in {rnd.dialogue.established}.",
                )
            )
        return self.statement(rng, a, b, person=3, max_sentences=1)


_THIRD_PERSON = {
    "are": "is",
    "have": "has",
    "stand": "stands",
    "need": "needs",
    "hope": "hopes",
    "intend": "intends",
    "remain": "remains",
    "oppose": "opposes",
    "reject": "rejects",
    "support": "supports",
    "welcome": "welcomes",
    "value": "values",
    "attach": "attaches",
    "appreciate": "appreciates",
    "condemn": "condemns",
    "deplore": "deplores",
}
_PLURAL = {v: k for k, v in _THIRD_PERSON.items()}


def _agree(phrase, singular):
    """Make the first verb of ``phrase`` agree with its subject ("we oppose", "China opposes";
    "firmly opposes" agrees on its second word)."""
    table = _THIRD_PERSON if singular else _PLURAL
    ws = phrase.split(" ")
    i = 1 if ws[0] == "firmly" and len(ws) > 1 else 0
    ws[i] = table.get(ws[i], ws[i])
    return " ".join(ws)


def _display(speaker):
    return f"the {speaker.name}" if speaker.kind in {"delegation", "government"} else speaker.name


def _ordinal(n):
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _weekday_phrase(day, published):
    delta = (published - day).days
    if delta == 0:
        return "today"
    if 0 < delta < 7:
        return f"on {day:%A}"
    if 7 <= delta < 14:
        return "last week"
    return f"on {day:%B} {day.day}"


# --- Writing to the database ------------------------------------------------------------------


@dataclass
class LoadReport:
    quotes: int = 0
    articles: int = 0
    created: dict = field(default_factory=dict)
    seconds: float = 0.0
    phases: dict = field(default_factory=dict)  # name -> seconds


def ensure_reference():
    """On a database without any of the reference records, load fixtures/reference.json, as
    ``seed`` would: otherwise synthetic speakers could take reference names ("Chinese
    delegation") and a later ``seed`` would fail on them. A database holding some reference
    records is left as it is, so nothing an archivist edited is overwritten."""
    from django.core.management import call_command

    from statements.models import Dialogue, Outlet, Speaker

    path = settings.BASE_DIR / "fixtures" / "reference.json"
    slugs = {}
    for record in json.loads(path.read_text(encoding="utf-8")):
        slugs.setdefault(record["model"], []).append(record["fields"].get("slug"))
    present = (
        Speaker.objects.filter(slug__in=slugs.get("statements.speaker", [])).exists()
        or Outlet.objects.filter(slug__in=slugs.get("statements.outlet", [])).exists()
        or Dialogue.objects.filter(slug__in=slugs.get("statements.dialogue", [])).exists()
    )
    if not present:
        call_command("loaddata", path, verbosity=0)


def ensure_themes():
    """The reference themes exist (created from the fixture when missing, never changed)."""
    from statements.models import Theme

    for slug, (name, description, keywords) in reference_themes().items():
        if (
            not Theme.objects.filter(slug=slug).exists()
            and not Theme.objects.filter(name=name).exists()
        ):
            Theme.objects.create(slug=slug, name=name, description=description, keywords=keywords)
    return {t.slug: (t.id, t.keyword_list) for t in Theme.objects.all()}


def _insert_columns(model, given):
    """Columns for a raw insert of ``model``: ``given`` field names first, then every other
    stored field with its default, so a column someone adds later does not break the load."""
    from django.db.models import GeneratedField

    fields = [model._meta.get_field(name) for name in given]
    extra, extra_values = [], []
    for f in model._meta.concrete_fields:
        if f.name in given or isinstance(f, GeneratedField) or f.primary_key:
            continue
        extra.append(f)
        extra_values.append(f.get_db_prep_save(f.get_default(), connection))
    columns = [f.column for f in fields + extra]
    return columns, tuple(extra_values)


class _Writer:
    """Appends rows to a table with the engine's fastest path."""

    def __init__(self, cursor):
        self.cursor = cursor  # the DB-API cursor under Django's wrapper

    def write(self, table, columns, rows):
        raise NotImplementedError


class _SqliteWriter(_Writer):
    def write(self, table, columns, rows):
        qn = connection.ops.quote_name
        marks = ", ".join("?" * len(columns))
        sql = f"INSERT INTO {qn(table)} ({', '.join(qn(c) for c in columns)}) VALUES ({marks})"
        self.cursor.executemany(sql, rows)


class _PostgresWriter(_Writer):
    def write(self, table, columns, rows):
        qn = connection.ops.quote_name
        sql = f"COPY {qn(table)} ({', '.join(qn(c) for c in columns)}) FROM STDIN"
        with self.cursor.copy(sql) as copy:
            for row in rows:
                copy.write_row(row)


def _sqlite_fts_tables(cursor, tables):
    """External-content FTS5 tables kept in sync by triggers on ``tables``: {fts: [(name,
    sql)]}. Only these can be rebuilt from their content, so only their triggers are lifted."""
    cursor.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE '%USING fts5%'"
    )
    external = [
        name
        for name, sql in cursor.fetchall()
        if re.search(r"content\s*=\s*['\"]?\w", sql or "", re.IGNORECASE)
        and not re.search(r"content\s*=\s*(''|\"\")", sql or "")
    ]
    placeholders = ", ".join(["%s"] * len(tables))
    cursor.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN "
        f"({placeholders})",
        list(tables),
    )
    triggers = cursor.fetchall()
    out = {}
    for fts in external:
        mentions = re.compile(rf"\b{re.escape(fts)}\b", re.IGNORECASE)
        out[fts] = [(name, sql) for name, sql in triggers if mentions.search(sql or "")]
    return {fts: trig for fts, trig in out.items() if trig}


class _FtsSuspended:
    """On SQLite, drop the FTS5 sync triggers on the loaded tables, and afterwards rebuild each
    index once and put the triggers back: one pass over the text instead of one per row. It
    runs inside the load's transaction, so a failure leaves the triggers as they were."""

    def __init__(self, cursor, tables):
        self.cursor = cursor
        self.tables = tables
        self.suspended = {}

    def __enter__(self):
        self.suspended = _sqlite_fts_tables(self.cursor, self.tables)
        for triggers in self.suspended.values():
            for name, _ in triggers:
                self.cursor.execute(f'DROP TRIGGER "{name}"')
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None:
            return False  # the transaction rolls back, triggers included
        seen = set()
        for fts, triggers in self.suspended.items():
            self.cursor.execute(f'INSERT INTO "{fts}"("{fts}") VALUES (\'rebuild\')')
            for name, sql in triggers:
                if name not in seen:
                    seen.add(name)
                    self.cursor.execute(sql)
        return False


class _IndexesDeferred:
    """On PostgreSQL, drop the secondary indexes of the loaded tables (GIN over tsvector, the
    foreign-key b-trees) and build each once at the end, which is several times cheaper than
    maintaining them row by row. Constraint indexes (primary and unique keys) stay. It runs
    inside the load's transaction: a failure leaves every index as it was."""

    def __init__(self, cursor, tables):
        self.cursor = cursor
        self.tables = tables
        self.indexes = []

    def __enter__(self):
        self.cursor.execute(
            """
            SELECT ix.indexrelid::regclass::text, pg_get_indexdef(ix.indexrelid)
            FROM pg_index ix JOIN pg_class t ON t.oid = ix.indrelid
            WHERE t.relname = ANY(%s) AND t.relnamespace = 'public'::regnamespace
              AND NOT ix.indisprimary
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = ix.indexrelid)
            """,
            [list(self.tables)],
        )
        self.indexes = self.cursor.fetchall()
        for name, _ in self.indexes:
            self.cursor.execute(f"DROP INDEX {name}")
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            # Django's foreign keys are deferred; their queued checks must run before DDL.
            self.cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            for _, definition in self.indexes:
                self.cursor.execute(definition)
            self.cursor.execute("SET CONSTRAINTS ALL DEFERRED")  # as Django declares them
        return False


class _Nothing:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def _tables():
    from statements.models import Article, Quote

    return {
        "article": Article._meta.db_table,
        "quote": Quote._meta.db_table,
        "quote_themes": Quote.themes.through._meta.db_table,
        "article_themes": Article.themes.through._meta.db_table,
        "article_rounds": Article.rounds.through._meta.db_table,
    }


def _store_cast(cast, report):
    """Outlets, speakers, dialogues and rounds through the ORM (thousands of rows, not
    millions); existing synthetic records are reused, real ones matched by name. Returns slug ->
    id maps."""
    from statements.models import Dialogue, DialogueRound, Outlet, Speaker

    def upsert(model, items, build, name_attr="name"):
        ids = dict(model.objects.filter(slug__startswith=PREFIX).values_list("slug", "id"))
        real = dict(model.objects.exclude(slug__startswith=PREFIX).values_list(name_attr, "id"))
        new = []
        for item in items:
            if item.slug in ids:
                continue
            if getattr(item, name_attr) in real:
                ids[item.slug] = real[getattr(item, name_attr)]
                continue
            new.append(build(item))
        model.objects.bulk_create(new, batch_size=1000)
        report.created[model._meta.model_name] = len(new)
        ids.update(dict(model.objects.filter(slug__startswith=PREFIX).values_list("slug", "id")))
        return ids

    outlets = upsert(
        Outlet,
        cast.outlets,
        lambda o: Outlet(slug=o.slug, name=o.name, country=o.country, url=o.url),
    )
    speakers = upsert(
        Speaker,
        cast.speakers,
        lambda s: Speaker(
            slug=s.slug,
            name=s.name,
            kind=s.kind,
            country=s.country,
            title=s.title,
            native_name=s.native_name,
            aliases="\n".join(s.aliases),
            outlet_id=outlets.get(s.outlet),
        ),
    )
    dialogues = upsert(
        Dialogue,
        cast.dialogues,
        lambda d: Dialogue(
            slug=d.slug,
            name=d.name,
            parties=f"{d.parties[0].name}, {d.parties[1].name}",
            established=d.established,
            description=f"A standing {d.kind.lower()} between {d.parties[0].name} and "
            f"{d.parties[1].name}, begun in {d.established}.",
            aliases="\n".join(d.aliases),
        ),
    )
    taken = set(DialogueRound.objects.values_list("dialogue_id", "start_date"))
    existing = set(
        DialogueRound.objects.filter(slug__startswith=PREFIX).values_list("slug", flat=True)
    )
    new_rounds = []
    for r in cast.rounds:
        key = (dialogues[r.dialogue.slug], r.start)
        if r.slug in existing or key in taken:
            continue
        taken.add(key)
        new_rounds.append(
            DialogueRound(
                slug=r.slug,
                dialogue_id=key[0],
                ordinal=r.ordinal,
                location=r.location,
                start_date=r.start,
                end_date=r.end,
                summary=r.summary,
            )
        )
    DialogueRound.objects.bulk_create(new_rounds, batch_size=1000)
    report.created["dialogueround"] = len(new_rounds)
    rounds = dict(DialogueRound.objects.filter(slug__startswith=PREFIX).values_list("slug", "id"))
    created = {r.slug for r in new_rounds}
    Chair = DialogueRound.co_chairs.through
    Chair.objects.bulk_create(
        [
            Chair(dialogueround_id=rounds[r.slug], speaker_id=speakers[s])
            for r in cast.rounds
            if r.slug in created
            for s in dict.fromkeys(r.co_chairs)
        ],
        batch_size=1000,
    )
    return outlets, speakers, rounds


def load(n_quotes, seed=1, progress=None):
    """Generate ``n_quotes`` synthetic quotes (and their articles) and store them in one
    transaction. ``progress(done, total)`` is called after each batch."""
    from statements.models import Article, Quote

    report = LoadReport()
    began = time.perf_counter()
    vendor = connection.vendor
    t = _tables()
    with transaction.atomic():
        content_changed()  # raw inserts send no signals; the pages go again on commit
        ensure_reference()
        themes = ensure_themes()
        archive = SyntheticArchive(seed, n_quotes, {s: kw for s, (_, kw) in themes.items()})
        theme_ids = {s: i for s, (i, _) in themes.items()}
        with connection.cursor() as cursor:
            if vendor == "postgresql":
                # Nobody else may add articles or quotes while we hand out their ids.
                cursor.execute(
                    f"LOCK TABLE {t['article']}, {t['quote']} IN SHARE ROW EXCLUSIVE MODE"
                )
                cursor.execute("SET LOCAL synchronous_commit = off")
                cursor.execute("SET LOCAL maintenance_work_mem = '512MB'")
            outlets, speakers, rounds = _store_cast(archive.cast(), report)
            offset = Article.objects.filter(url__startswith=URL_PREFIX).count()
            next_article = (
                Article.objects.order_by("-id").values_list("id", flat=True).first() or 0
            ) + 1
            next_quote = (
                Quote.objects.order_by("-id").values_list("id", flat=True).first() or 0
            ) + 1
            report.phases["cast"] = time.perf_counter() - began

            a_cols, a_extra = _insert_columns(
                Article,
                [
                    "id",
                    "title",
                    "slug",
                    "outlet",
                    "published_on",
                    "published_on_inferred",
                    "dateline",
                    "url",
                    "body",
                    "raw_text",
                    "checksum",
                    "created_at",
                ],
            )
            q_cols, q_extra = _insert_columns(
                Quote,
                [
                    "id",
                    "article",
                    "speaker",
                    "speaker_role",
                    "text",
                    "kind",
                    "start",
                    "end",
                    "said_on",
                    "round",
                    "is_reviewed",
                ],
            )
            qt = Quote.themes.through._meta
            at = Article.themes.through._meta
            ar = Article.rounds.through._meta
            qt_cols = [qt.get_field("quote").column, qt.get_field("theme").column]
            at_cols = [at.get_field("article").column, at.get_field("theme").column]
            ar_cols = [ar.get_field("article").column, ar.get_field("dialogueround").column]
            created_at = timezone.now()
            if vendor == "sqlite":
                created_at = connection.ops.adapt_datetimefield_value(created_at)
                writer = _SqliteWriter(cursor.cursor)
                cursor.execute("PRAGMA cache_size = -262144")  # 256 MB for this connection
                guard = _FtsSuspended(cursor, [t["article"], t["quote"]])
            elif vendor == "postgresql":
                writer = _PostgresWriter(cursor.cursor)
                # Rebuilding an index costs the whole table; worth it when the load at least
                # doubles the table, cheaper to maintain row by row otherwise.
                existing = Quote.objects.count()
                guard = (
                    _IndexesDeferred(cursor, list(t.values()))
                    if n_quotes >= existing
                    else _Nothing()
                )
            else:
                raise NotImplementedError(
                    f"synthcorpus supports SQLite and PostgreSQL, not {vendor}"
                )

            done = 0
            with guard:
                batch = {k: [] for k in ("a", "q", "qt", "at", "ar")}
                for article in archive.articles(offset=offset):
                    aid = next_article
                    next_article += 1
                    batch["a"].append(
                        (
                            aid,
                            article.title,
                            article.slug,
                            outlets[article.outlet],
                            article.published_on,
                            article.published_on_inferred,
                            article.dateline,
                            article.url,
                            article.body,
                            article.raw_text,
                            article.checksum,
                            created_at,
                        )
                        + a_extra
                    )
                    for slug in article.themes:
                        batch["at"].append((aid, theme_ids[slug]))
                    for slug in article.rounds:
                        if slug in rounds:
                            batch["ar"].append((aid, rounds[slug]))
                    for q in article.quotes:
                        qid = next_quote
                        next_quote += 1
                        batch["q"].append(
                            (
                                qid,
                                aid,
                                speakers[q.speaker],
                                q.speaker_role,
                                q.text,
                                q.kind,
                                q.start,
                                q.end,
                                q.said_on,
                                rounds.get(q.round),
                                q.is_reviewed,
                            )
                            + q_extra
                        )
                        for slug in q.themes:
                            batch["qt"].append((qid, theme_ids[slug]))
                    if len(batch["a"]) >= BATCH_ARTICLES:
                        done += _flush(writer, t, batch, a_cols, q_cols, qt_cols, at_cols, ar_cols)
                        report.articles += BATCH_ARTICLES
                        if progress:
                            progress(done, n_quotes)
                report.articles += len(batch["a"])
                done += _flush(writer, t, batch, a_cols, q_cols, qt_cols, at_cols, ar_cols)
                if progress:
                    progress(done, n_quotes)
                report.phases["rows"] = time.perf_counter() - began - report.phases["cast"]
                mark = time.perf_counter()
            report.phases["indexes"] = time.perf_counter() - mark
            report.quotes = done
            for sql in connection.ops.sequence_reset_sql(no_style(), [Article, Quote]):
                cursor.execute(sql)
        mark = time.perf_counter()
        from statements import counts as stored_counts

        stored_counts.recount()  # raw inserts: the stored counts from the rows
        report.phases["counts"] = time.perf_counter() - mark
    mark = time.perf_counter()
    if vendor == "postgresql":
        # Fresh statistics, as autovacuum would leave them, so the planner sees the real sizes
        # (with none, it guesses 2 speakers per country and picks nested loops over GIN scans).
        from django.apps import apps

        tables = {m._meta.db_table for m in apps.get_app_config("statements").get_models()}
        tables |= {
            f.remote_field.through._meta.db_table
            for m in apps.get_app_config("statements").get_models()
            for f in m._meta.local_many_to_many
        }
        with connection.cursor() as cursor:
            for table in sorted(tables):
                cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")
    report.phases["analyze"] = time.perf_counter() - mark
    report.seconds = time.perf_counter() - began
    return report


def _flush(writer, t, batch, a_cols, q_cols, qt_cols, at_cols, ar_cols):
    writer.write(t["article"], a_cols, batch["a"])
    writer.write(t["quote"], q_cols, batch["q"])
    writer.write(t["quote_themes"], qt_cols, batch["qt"])
    writer.write(t["article_themes"], at_cols, batch["at"])
    writer.write(t["article_rounds"], ar_cols, batch["ar"])
    n = len(batch["q"])
    for rows in batch.values():
        rows.clear()
    return n


def clear():
    """Delete every synthetic record and nothing else; returns counts by kind."""
    from statements.models import Article, Dialogue, DialogueRound, Outlet, Quote, Speaker

    t = _tables()
    qn = connection.ops.quote_name
    counts = {}
    synthetic_articles = f"SELECT id FROM {qn(t['article'])} WHERE {qn('url')} LIKE %s"
    like = [URL_PREFIX + "%"]
    with transaction.atomic(), connection.cursor() as cursor:
        content_changed()  # raw deletes send no signals; the pages go again on commit
        guard = (
            _FtsSuspended(cursor, [t["article"], t["quote"]])
            if connection.vendor == "sqlite"
            else _Nothing()
        )
        with guard:
            # Raw deletes: the ORM would load a million quotes to cascade them one by one.
            quotes = f"SELECT id FROM {qn(t['quote'])} WHERE article_id IN ({synthetic_articles})"
            cursor.execute(
                f"DELETE FROM {qn(t['quote_themes'])} WHERE quote_id IN ({quotes})", like
            )
            cursor.execute(
                f"DELETE FROM {qn(t['quote'])} WHERE article_id IN ({synthetic_articles})", like
            )
            counts["quotes"] = cursor.rowcount
            for m2m in ("article_themes", "article_rounds"):
                cursor.execute(
                    f"DELETE FROM {qn(t[m2m])} WHERE article_id IN ({synthetic_articles})", like
                )
            cursor.execute(
                f"DELETE FROM {qn(t['article'])} WHERE id IN ({synthetic_articles})", like
            )
            counts["articles"] = cursor.rowcount
        rounds = DialogueRound.objects.filter(slug__startswith=PREFIX)
        Quote.objects.filter(round__in=rounds).update(round=None)
        Article.rounds.through.objects.filter(dialogueround__in=rounds).delete()
        DialogueRound.co_chairs.through.objects.filter(dialogueround__in=rounds).delete()
        counts["rounds"] = rounds._raw_delete(rounds.db)
        dialogues = Dialogue.objects.filter(slug__startswith=PREFIX, rounds__isnull=True)
        counts["dialogues"] = dialogues.delete()[0]
        speakers = Speaker.objects.filter(slug__startswith=PREFIX, quotes__isnull=True)
        DialogueRound.co_chairs.through.objects.filter(speaker__in=speakers).delete()
        counts["speakers"] = speakers.delete()[0]
        outlets = Outlet.objects.filter(slug__startswith=PREFIX, articles__isnull=True)
        Speaker.objects.filter(outlet__in=outlets).update(outlet=None)
        counts["outlets"] = outlets.delete()[0]
        from statements import counts as stored_counts

        stored_counts.recount()  # raw deletes: the stored counts from the rows left
    return counts
