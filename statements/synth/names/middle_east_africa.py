"""Name pools of the Middle East and Africa.

"Latin:native" where the name has its own script."""

from statements.synth.names.spellings import pairs

MIDDLE_EAST_AFRICA = {
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
}
