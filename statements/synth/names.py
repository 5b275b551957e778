"""Personal names of the synthetic speakers by name group (Latin and native script), and the
nicknames and other spellings archivists list as aliases."""

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
