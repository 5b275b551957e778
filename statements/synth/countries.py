"""The countries of the synthetic archive and what goes with them: their officials' titles, the
kinds of dialogue held between them and the names of their outlets."""

from dataclasses import dataclass

from statements.synth.vocabulary import words

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
