"""Name pools of Asia: East, South-East, South and Central.

"Latin:native" where the name has its own script."""

from statements.synth.names.spellings import pairs

ASIA = {
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
}
