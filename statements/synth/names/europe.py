"""Name pools of Europe and the English-speaking world.

"Latin:native" where the name has its own script."""

from statements.synth.names.spellings import pairs

EUROPE = {
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
}
