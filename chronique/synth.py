"""Synthetic corpus of French news articles about Vietnam–Laos relations.

    python -m chronique.synth N OUT [--seed S] [--duplicates F] [--truth FILE]

writes ``OUT/synth_000000.txt`` … : N articles shaped like the real ones in
``seeds/`` – a day header (`` date 2026-02-04 Title``), a month-only header
(`` date 2025-07 Title``) or none; bare articles dated only by photo file names
(whose 13-digit run is a millisecond Unix timestamp) or by a dateline
(``Hanoï, 12 mars (VNA) –``); ``>>`` related headlines, one- and two-line
captions, subheadings, a ``Source : https://…`` line or a ``VNA/CVN`` sign-off.
The text is composed from template sentences and vocabulary written here (no
article text is copied), with Vietnamese names printed with, without or with
some diacritics, as the real sources do.

The output is a pure function of (N, seed, duplicates): every article draws from
its own ``random.Random`` seeded with a string (a str seed is hashed with
SHA-512, so PYTHONHASHSEED plays no part), nothing reads the clock and nothing
iterates over a set.  Article *i* does not depend on N, so a small corpus is the
prefix of a larger one, apart from which articles are copies.

``--duplicates F`` (default 0.02) turns round(F·N) articles into near-copies of
an earlier original – truncated, or with a few sentences reworded – so duplicate
detection can be exercised.  ``--truth FILE`` also writes one JSON line per
article saying what was generated (date and its precision, shape, topic, the
original of a copy) for evaluation scripts.
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import json
import random
import re
import sys
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterator, Sequence

DATE_MIN = date(2015, 1, 1)
DATE_MAX = date(2026, 2, 28)
MIN_WORDS, MAX_WORDS = 250, 900
# Originals keep a margin inside the bounds so that a reworded copy, a few words
# longer or shorter, still fits.
_LOW, _HIGH = 265, 880

SHAPES = ("day_header", "month_header", "bare_photo", "bare_dateline", "bare_text")
_SHAPE_WEIGHTS = (34, 20, 20, 16, 10)

TOPICS = (
    "sommet",
    "telephone",
    "commerce",
    "defense",
    "education",
    "infrastructures",
    "anniversaire",
    "provinces",
    "assemblee",
    "interview",
)
_TOPIC_WEIGHTS = (20, 10, 12, 10, 10, 10, 8, 8, 6, 6)

# --------------------------------------------------------------------------
# Vocabulary.  Vietnamese words are wrapped in ⟦ ⟧: each article prints them
# with full diacritics, folded to ASCII, or with the last syllable folded.
# --------------------------------------------------------------------------

# key: (name, gender, other spellings seen in the French-language press)
PEOPLE: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "trong": ("Nguyễn Phú Trọng", "m", ()),
    "lam": ("Tô Lâm", "m", ()),
    "sang": ("Trương Tấn Sang", "m", ()),
    "quang": ("Trần Đại Quang", "m", ()),
    "phuc": ("Nguyễn Xuân Phúc", "m", ()),
    "thuong": ("Võ Văn Thưởng", "m", ()),
    "luong_cuong": ("Lương Cường", "m", ()),
    "dung": ("Nguyễn Tấn Dũng", "m", ()),
    "chinh": ("Phạm Minh Chính", "m", ()),
    "sinh_hung": ("Nguyễn Sinh Hùng", "m", ()),
    "ngan": ("Nguyễn Thị Kim Ngân", "f", ()),
    "hue": ("Vương Đình Huệ", "m", ()),
    "man": ("Trần Thanh Mẫn", "m", ()),
    "binh_minh": ("Phạm Bình Minh", "m", ()),
    "son": ("Bùi Thanh Sơn", "m", ()),
    "quang_thanh": ("Phùng Quang Thanh", "m", ()),
    "lich": ("Ngô Xuân Lịch", "m", ()),
    "giang": ("Phan Văn Giang", "m", ()),
    "huy_hoang": ("Vũ Huy Hoàng", "m", ()),
    "tuan_anh": ("Trần Tuấn Anh", "m", ()),
    "dien": ("Nguyễn Hồng Diên", "m", ()),
    "luan": ("Phạm Vũ Luận", "m", ()),
    "nha": ("Phùng Xuân Nhạ", "m", ()),
    "kim_son": ("Nguyễn Kim Sơn", "m", ()),
    "hoai_trung": ("Lê Hoài Trung", "m", ()),
    "manh_cuong": ("Nguyễn Mạnh Cường", "m", ()),
    "anh_duong": ("Tô Ánh Dương", "m", ()),
    "ba_hung": ("Nguyễn Bá Hùng", "m", ()),
    "minh_tam": ("Nguyễn Minh Tâm", "m", ()),
    "choummaly": ("Choummaly Sayasone", "m", ("Chummaly Sayasone",)),
    "bounnhang": ("Bounnhang Vorachith", "m", ("Bounnhang Vorachit",)),
    "thongloun": ("Thongloun Sisoulith", "m", ("Thongloun Sisoulit", "Thongloune Sisoulith")),
    "thongsing": ("Thongsing Thammavong", "m", ()),
    "phankham": ("Phankham Viphavanh", "m", ("Phankham Viphavan",)),
    "sonexay": ("Sonexay Siphandone", "m", ("Sonexay Siphandon", "Sonxay Siphandone")),
    "pany": ("Pany Yathotou", "f", ("Pany Yathotu",)),
    "saysomphone": ("Saysomphone Phomvihane", "m", ("Xaysomphone Phomvihane",)),
    "saleumxay": ("Saleumxay Kommasith", "m", ("Saleumsay Kommasith",)),
    "thongsavanh": ("Thongsavanh Phomvihane", "m", ()),
    "chansamone": ("Chansamone Chanyalath", "m", ("Chansamone Chanyalat",)),
    "khemmani": ("Khemmani Pholsena", "f", ()),
    "malaythong": ("Malaythong Kommasith", "m", ()),
    "sengdeuane": ("Sengdeuane Lachanthaboun", "f", ()),
    "phout": ("Phout Simmalavong", "m", ()),
    "sengphet": ("Sengphet Houngboungnuang", "m", ()),
    "khamphao": ("Khamphao Ernthavanh", "f", ()),
}

# role -> ((first day in office, person), ...) in order; approximate where the
# exact day does not matter for a synthetic corpus.
VN_ROLES: dict[str, tuple[tuple[str, str], ...]] = {
    "sg": (("2011-01-19", "trong"), ("2024-08-03", "lam")),
    "president": (
        ("2011-07-25", "sang"),
        ("2016-04-02", "quang"),
        ("2018-10-23", "trong"),
        ("2021-04-05", "phuc"),
        ("2023-03-02", "thuong"),
        ("2024-05-22", "lam"),
        ("2024-10-21", "luong_cuong"),
    ),
    "pm": (("2006-06-27", "dung"), ("2016-04-07", "phuc"), ("2021-04-05", "chinh")),
    "na": (("2011-07-23", "sinh_hung"), ("2016-03-31", "ngan"), ("2021-03-31", "hue"), ("2024-05-20", "man")),
    "fm": (("2011-08-03", "binh_minh"), ("2021-04-08", "son")),
    "defence": (("2006-06-28", "quang_thanh"), ("2016-04-09", "lich"), ("2021-04-08", "giang")),
    "trade": (("2011-08-03", "huy_hoang"), ("2016-04-09", "tuan_anh"), ("2021-04-08", "dien")),
    "edu": (("2010-10-01", "luan"), ("2016-04-09", "nha"), ("2021-04-08", "kim_son")),
    "vice_fm": (("2014-01-01", "hoai_trung"), ("2023-07-01", "manh_cuong")),
    "amb": (("2014-01-01", "anh_duong"), ("2018-06-01", "ba_hung"), ("2023-06-01", "minh_tam")),
}
LA_ROLES: dict[str, tuple[tuple[str, str], ...]] = {
    "sg": (("2006-03-21", "choummaly"), ("2016-01-22", "bounnhang"), ("2021-01-15", "thongloun")),
    "president": (("2006-06-08", "choummaly"), ("2016-04-20", "bounnhang"), ("2021-03-22", "thongloun")),
    "pm": (
        ("2010-12-23", "thongsing"),
        ("2016-04-20", "thongloun"),
        ("2021-03-22", "phankham"),
        ("2022-12-30", "sonexay"),
    ),
    "na": (("2010-12-23", "pany"), ("2021-03-22", "saysomphone")),
    "fm": (("2006-06-08", "thongloun"), ("2016-04-20", "saleumxay"), ("2024-06-01", "thongsavanh")),
    "defence": (("2014-06-01", "chansamone"),),
    "trade": (("2011-06-01", "khemmani"), ("2021-03-22", "malaythong")),
    "edu": (("2011-06-01", "phankham"), ("2016-04-20", "sengdeuane"), ("2021-03-22", "phout")),
    "amb": (("2014-01-01", "sengphet"), ("2022-09-01", "khamphao")),
}

# role -> (long titles, short titles); masculine, feminised by _feminine().
VN_TITLES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "sg": (
        (
            "le secrétaire général du Comité central du Parti communiste du Vietnam (PCV)",
            "le secrétaire général du Parti communiste du Vietnam",
            "le secrétaire général du PCV",
        ),
        ("le secrétaire général", "le SG"),
    ),
    "sg+president": (
        (
            "le secrétaire général du PCV et président de la République",
            "le secrétaire général du Parti et président du Vietnam",
        ),
        ("le secrétaire général et président", "le secrétaire général"),
    ),
    "president": (
        (
            "le président de la République socialiste du Vietnam",
            "le président vietnamien",
            "le président de la République",
        ),
        ("le président",),
    ),
    "pm": (
        ("le Premier ministre vietnamien", "le Premier ministre", "le chef du gouvernement vietnamien"),
        ("le Premier ministre",),
    ),
    "na": (
        ("le président de l'Assemblée nationale du Vietnam", "le président de l'Assemblée nationale vietnamienne"),
        ("le président de l'Assemblée nationale",),
    ),
    "fm": (("le ministre des Affaires étrangères", "le ministre vietnamien des Affaires étrangères"), ("le ministre",)),
    "defence": (
        ("le ministre vietnamien de la Défense", "le ministre de la Défense nationale"),
        ("le général", "le ministre de la Défense"),
    ),
    "trade": (
        ("le ministre de l'Industrie et du Commerce", "le ministre vietnamien de l'Industrie et du Commerce"),
        ("le ministre",),
    ),
    "edu": (("le ministre de l'Éducation et de la Formation",), ("le ministre",)),
    "vice_fm": (("le vice-ministre des Affaires étrangères",), ("le vice-ministre",)),
    "amb": (("l'ambassadeur du Vietnam au Laos", "l'ambassadeur vietnamien au Laos"), ("l'ambassadeur",)),
    "local": (
        (
            "le secrétaire du Comité provincial du Parti de {prov}",
            "le président du Comité populaire provincial de {prov}",
        ),
        ("le secrétaire provincial", "le dirigeant provincial"),
    ),
}
LA_TITLES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "sg": (
        (
            "le secrétaire général du Comité central du Parti populaire révolutionnaire lao (PPRL)",
            "le secrétaire général du Parti révolutionnaire populaire lao",
            "le secrétaire général du PPRL",
        ),
        ("le secrétaire général",),
    ),
    "sg+president": (
        (
            "le secrétaire général du PPRL et président du Laos",
            "le secrétaire général et président lao",
            "le secrétaire général du Comité central du Parti populaire révolutionnaire lao (PPRL)"
            " et président de la République démocratique populaire lao",
        ),
        ("le secrétaire général et président lao", "le dirigeant lao"),
    ),
    "president": (
        ("le président de la République démocratique populaire lao", "le président lao"),
        ("le président lao",),
    ),
    "pm": (
        ("le Premier ministre lao", "le Premier ministre laotien"),
        ("le Premier ministre lao", "le chef du gouvernement lao"),
    ),
    "na": (
        ("le président de l'Assemblée nationale du Laos", "le président de l'Assemblée nationale lao"),
        ("le président de l'Assemblée nationale lao",),
    ),
    "fm": (
        ("le ministre lao des Affaires étrangères", "le ministre des Affaires étrangères du Laos"),
        ("le ministre lao",),
    ),
    "defence": (
        ("le ministre lao de la Défense", "le ministre de la Défense du Laos"),
        ("le général", "le ministre lao de la Défense"),
    ),
    "trade": (("le ministre lao de l'Industrie et du Commerce",), ("le ministre lao",)),
    "edu": (("le ministre lao de l'Éducation et des Sports",), ("le ministre lao",)),
    "amb": (("l'ambassadeur du Laos au Vietnam", "l'ambassadeur lao au Vietnam"), ("l'ambassadeur lao",)),
    "local": (
        ("le gouverneur de la province de {prov}", "le secrétaire du Comité du Parti de la province de {prov}"),
        ("le gouverneur", "le responsable provincial"),
    ),
}

# Border provinces that work together, and crossings between the two countries.
PROVINCE_PAIRS = (
    ("Nghệ An", "Bolikhamxay"),
    ("Nghệ An", "Xieng Khouang"),
    ("Hà Tĩnh", "Khammouane"),
    ("Quảng Trị", "Savannakhet"),
    ("Quảng Bình", "Khammouane"),
    ("Thanh Hóa", "Houaphanh"),
    ("Điện Biên", "Phongsaly"),
    ("Điện Biên", "Luang Prabang"),
    ("Sơn La", "Houaphanh"),
    ("Kon Tum", "Attapeu"),
    ("Quảng Nam", "Sekong"),
    ("Thừa Thiên-Huế", "Saravane"),
    ("Gia Lai", "Attapeu"),
    ("Sơn La", "Oudomxay"),
)
BORDER_GATES = (
    "⟦Cầu Treo⟧ - Nam Phao",
    "⟦Lao Bảo⟧ - Densavanh",
    "⟦Cha Lo⟧ - Na Phao",
    "⟦Nậm Cắn⟧ - Nam Khan",
    "⟦Bờ Y⟧ - Phou Keua",
    "⟦Tây Trang⟧ - Pang Hok",
    "⟦Na Mèo⟧ - Nam Soi",
)

_VN_SURNAMES = (
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Vũ",
    "Đinh",
)
_VN_MIDDLE = ("Văn", "Thị", "Đức", "Minh", "Hữu", "Quang", "Thanh", "Xuân", "Hồng", "Ngọc", "Công")
_VN_GIVEN = (
    "Hùng",
    "Thắng",
    "Lan",
    "Hải",
    "Tuấn",
    "Dũng",
    "Bình",
    "Hòa",
    "Phương",
    "Long",
    "Sơn",
    "Nam",
    "Khánh",
    "Hà",
    "Trung",
    "Đông",
    "Thủy",
    "Quyết",
)
_LA_GIVEN = (
    ("Khamphet", "m"),
    ("Bounthong", "m"),
    ("Somphone", "m"),
    ("Phonesavanh", "m"),
    ("Vilayvong", "m"),
    ("Souksavanh", "f"),
    ("Chanthaly", "f"),
    ("Khamla", "f"),
    ("Sisavath", "m"),
    ("Vongdeuane", "f"),
    ("Bounmy", "m"),
    ("Khamsone", "m"),
    ("Viengkham", "f"),
    ("Thongchanh", "m"),
)
_LA_FAMILY = (
    "Sayavong",
    "Phommachanh",
    "Keomany",
    "Vongsavath",
    "Inthavong",
    "Luangrath",
    "Sengsouriya",
    "Chanthavong",
    "Douangmala",
    "Phimmasone",
    "Xayavong",
    "Sihalath",
)

DOMAINS = (  # (with article, after "en matière de")
    ("la défense", "défense"),
    ("la sécurité", "sécurité"),
    ("l'éducation", "éducation"),
    ("la formation", "formation"),
    ("la santé", "santé"),
    ("les transports", "transports"),
    ("l'énergie", "énergie"),
    ("l'agriculture", "agriculture"),
    ("le tourisme", "tourisme"),
    ("la culture", "culture"),
    ("les sciences et les technologies", "sciences et de technologies"),
    ("la transformation numérique", "transformation numérique"),
    ("le commerce", "commerce"),
    ("l'investissement", "investissement"),
    ("la justice", "justice"),
    ("l'environnement", "environnement"),
    ("les affaires étrangères", "affaires étrangères"),
    ("l'information et la communication", "information et de communication"),
    ("la gestion des frontières", "gestion des frontières"),
    ("les ressources humaines", "ressources humaines"),
    ("la finance", "finance"),
    ("la logistique", "logistique"),
    ("les télécommunications", "télécommunications"),
    ("l'inspection", "inspection"),
    ("la presse", "presse"),
    ("les mines", "mines"),
)
PROJECTS = (
    "l'autoroute Vientiane - Hanoï",
    "le port de ⟦Vũng Áng⟧",
    "le parc industriel Vietnam - Laos",
    "la ligne de transport d'électricité de 500 kV reliant les deux pays",
    "la voie ferrée Vientiane - ⟦Vũng Áng⟧",
    "l'hôpital de l'amitié Vietnam - Laos de Houaphanh",
    "le parc de l'amitié Kaysone Phomvihane - Hô Chi Minh",
    "l'école de l'amitié ⟦Nguyễn Du⟧",
    "le corridor économique Est-Ouest",
    "la centrale éolienne Monsoon",
    "la route nationale 8 reliant ⟦Hà Tĩnh⟧ à Bolikhamxay",
    "la zone économique frontalière de ⟦Lao Bảo⟧",
)
FORUMS = (
    "l'ASEAN",
    "la sous-région du Grand Mékong",
    "la coopération Mékong - Lancang",
    "les Nations unies",
    "le Triangle de développement Cambodge - Laos - Vietnam (CLV)",
    "l'Assemblée interparlementaire de l'ASEAN (AIPA)",
    "la Commission du Mékong (MRC)",
    "le Mouvement des non-alignés",
)
ORGS = (
    "le Front de la Patrie du Vietnam (FPV)",
    "le Front lao d'édification nationale (FLEN)",
    "la Chambre de commerce et d'industrie du Vietnam (VCCI)",
    "l'Association d'amitié Vietnam - Laos",
    "l'Union de la jeunesse communiste Hô Chi Minh",
    "l'Union de la jeunesse populaire révolutionnaire lao",
    "l'Agence vietnamienne d'information (VNA)",
    "l'Agence de presse lao (KPL)",
    "le groupe Viettel",
    "le groupe Électricité du Vietnam (EVN)",
    "la société Électricité du Laos (EDL)",
    "la Banque asiatique de développement (BAD)",
    "l'Académie nationale de politique Hô Chi Minh",
    "l'Université nationale du Laos",
    "l'Armée populaire du Vietnam (APV)",
    "l'Armée populaire lao (APL)",
    "l'Association des entreprises vietnamiennes au Laos",
    "l'Union des femmes du Vietnam",
    "l'Union des femmes lao",
    "la Banque d'État du Vietnam",
)
SECTORS = (
    "l'agriculture",
    "l'énergie",
    "les infrastructures",
    "la logistique",
    "le tourisme",
    "les télécommunications",
    "l'industrie de transformation",
    "les énergies renouvelables",
)
RELATIONS = (
    "la grande amitié, la solidarité spéciale et la coopération intégrale entre le Vietnam et le Laos",
    "les relations spéciales Vietnam - Laos",
    "la relation spéciale entre les deux pays",
    "l'amitié traditionnelle et la solidarité spéciale entre les deux peuples",
    "les liens d'amitié exemplaires entre le Vietnam et le Laos",
    "la coopération intégrale entre les deux pays",
)
RELATION_2026 = (
    "la grande amitié, la solidarité spéciale, la coopération intégrale et la cohésion "
    "stratégique entre le Vietnam et le Laos"
)

# Anniversaries: (what, first year, month, day)
ANNIVERSARIES = (
    ("l'établissement des relations diplomatiques Vietnam - Laos", 1962, 9, 5),
    ("la signature du Traité d'amitié et de coopération Vietnam - Laos", 1977, 7, 18),
    ("la Fête nationale du Laos", 1975, 12, 2),
    ("la fondation du Parti populaire révolutionnaire lao", 1955, 3, 22),
    ("la fondation du Parti communiste du Vietnam", 1930, 2, 3),
    ("la naissance du président Kaysone Phomvihane", 1920, 12, 13),
    ("la naissance du président Hô Chi Minh", 1890, 5, 19),
    ("la fondation de l'Armée populaire lao", 1949, 1, 20),
)
# National party congresses: (opening day, ordinal)
VN_CONGRESSES = (("2011-01-12", 11), ("2016-01-21", 12), ("2021-01-25", 13), ("2026-01-19", 14))
LA_CONGRESSES = (("2011-03-17", 9), ("2016-01-18", 10), ("2021-01-13", 11), ("2026-01-06", 12))
_ROMAN = {9: "IX", 10: "X", 11: "XI", 12: "XII", 13: "XIII", 14: "XIV"}

_MONTH_COUNTS = ("", "", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze")
MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")

# ---------------------------------------------------------------- templates
# A template may start with "YYYY|": it is only used from that year on.

TITLES = {
    "sommet": (
        "{vn_s} s'entretient avec {la_s}",
        "Vietnam - Laos : porter la solidarité spéciale vers de nouveaux sommets",
        "Le dirigeant {visitor_adj_m} en visite officielle {visit_where}",
        "Entretiens de haut niveau entre les dirigeants du Vietnam et du Laos",
        "{host_s} reçoit {visitor_s}",
        "Hanoï et Vientiane s'accordent sur les priorités de coopération",
    ),
    "telephone": (
        "Entretien téléphonique entre {vn_s} et {la_s}",
        "Les dirigeants vietnamien et lao tiennent un entretien en ligne",
        "Vietnam - Laos : un dialogue régulier au plus haut niveau",
    ),
    "commerce": (
        "Les échanges commerciaux Vietnam - Laos atteignent {trade}",
        "Vietnam - Laos : cap sur {money_target} d'échanges",
        "Promouvoir l'investissement vietnamien au Laos",
        "Le Comité intergouvernemental Vietnam - Laos tient sa {session} session",
        "Forum d'affaires Vietnam - Laos à {hostcity}",
    ),
    "defense": (
        "Vietnam - Laos : la coopération de défense, pilier des relations bilatérales",
        "Rapatriement des restes de soldats volontaires vietnamiens tombés au Laos",
        "Dialogue de politique de défense Vietnam - Laos",
        "{vn_s} reçoit {la_s}",
    ),
    "education": (
        "Le Vietnam accueille plus de {students} étudiants lao",
        "Éducation : le Vietnam et le Laos misent sur la formation des cadres",
        "Remise de diplômes à des étudiants lao à {hostcity}",
    ),
    "infrastructures": (
        "Accélérer les grands projets de connexion Vietnam - Laos",
        "{proj1} : un chantier phare de la coopération bilatérale",
        "Énergie : le Laos, futur grand fournisseur d'électricité du Vietnam",
    ),
    "anniversaire": (
        "Célébration du {anniv_short}",
        "{anniv_short} : une relation exemplaire",
        "Rencontre à {hostcity} pour le {anniv_short}",
    ),
    "provinces": (
        "{prov_vn} et {prov_la} renforcent leur coopération",
        "Coopération locale : {prov_vn} aux côtés de {prov_la}",
        "Des liens de voisinage toujours plus étroits entre {prov_vn} et {prov_la}",
    ),
    "assemblee": (
        "Coopération parlementaire Vietnam - Laos",
        "{visitor_s} en visite officielle {visit_where}",
        "Les Assemblées nationales du Vietnam et du Laos resserrent leurs liens",
    ),
    "interview": (
        "{la_s} : la visite de {vn_s} ouvrira une nouvelle étape",
        "Une diplomatie de confiance entre Vientiane et Hanoï",
        "Vietnam - Laos : de grandes attentes pour la prochaine visite de haut niveau",
    ),
}

LEADS = {
    "sommet": (
        "{visitor} a eu {evt} à {hostcity} un entretien avec {host_o}, dans le cadre de sa visite officielle {visit_where}.",
        "{host} a reçu {evt} à {hostcity} {visitor_o}, en visite officielle {visit_where} à la tête d'une délégation de haut rang.",
        "Dans le cadre de sa visite d'État {visit_where}, {visitor_s} s'est entretenu{visitor_e} {evt} avec {host_o}, afin de passer en revue la coopération bilatérale et de définir les orientations pour la période à venir.",
        "Les dirigeants du Vietnam et du Laos se sont retrouvés {evt} à {hostcity} pour la réunion annuelle de haut niveau entre les deux Partis, coprésidée par {vn_o} et {la_o}.",
    ),
    "telephone": (
        "{vn} s'est entretenu{vn_e} {evt} par téléphone avec {la_o}, afin d'échanger sur les mesures visant à renforcer la coopération bilatérale.",
        "Un entretien téléphonique a eu lieu {evt} entre {vn_o} et {la_o}, dans un contexte régional marqué par de nombreuses évolutions.",
        "{vn_s} et {la_s} ont tenu {evt} un entretien en ligne, le premier de l'année {year} entre les deux parties.",
    ),
    "commerce": (
        "Les échanges commerciaux entre le Vietnam et le Laos ont atteint {trade} {stat_period}, en hausse de {pct} en glissement annuel, selon le ministère vietnamien de l'Industrie et du Commerce.",
        "{vn} a coprésidé {evt} à {hostcity} avec {la_o} la {session} session du Comité intergouvernemental Vietnam - Laos, largement consacrée à l'économie.",
        "Un forum d'affaires Vietnam - Laos s'est tenu {evt} à {hostcity}, réunissant plus de {n_firms} entreprises des deux pays autour des opportunités d'investissement.",
    ),
    "defense": (
        "{host} a reçu {evt} à {hostcity} {visitor_o}, à la tête d'une délégation militaire de haut rang en visite officielle {visit_where}.",
        "Une cérémonie de remise des restes de soldats volontaires et d'experts vietnamiens tombés au Laos pendant les guerres s'est tenue {evt} dans la province de {prov_la}.",
        "Les ministères de la Défense du Vietnam et du Laos ont tenu {evt} à {hostcity} leur dialogue annuel de politique de défense, coprésidé par {vn_o} et {la_o}.",
    ),
    "education": (
        "Le Vietnam accueille actuellement plus de {students} étudiants lao, selon les chiffres présentés {evt} lors d'une séance de travail entre {vn_o} et {la_o}.",
        "{host} a reçu {evt} à {hostcity} {visitor_o}, en visite de travail {visit_where}, pour discuter de la coopération en matière d'éducation et de formation.",
        "Une cérémonie de remise de diplômes à {n_grads} étudiants lao ayant achevé leurs études au Vietnam s'est déroulée {evt} à {hostcity}.",
    ),
    "infrastructures": (
        "{vn_s} et {la_s} ont assisté {evt} à la cérémonie de lancement des travaux de {proj1}, un projet emblématique de la coopération bilatérale.",
        "Les deux gouvernements ont examiné {evt} à {hostcity} l'avancement de {proj1}, dont le coût total est estimé à {capital}.",
        "{host} a reçu {evt} à {hostcity} {visitor_o} pour faire le point sur les grands projets de connexion entre les deux pays.",
    ),
    "anniversaire": (
        "Une cérémonie a été organisée {evt} à {hostcity} pour célébrer le {anniv}.",
        "{vn} a pris part {evt} à {hostcity} à une rencontre marquant le {anniv}.",
        "À l'occasion du {anniv}, {vn_s} a adressé {evt} un message de félicitations à {la_o}.",
    ),
    "provinces": (
        "Une délégation de la province lao de {prov_la}, conduite par {la_o}, a effectué {evt} une visite de travail dans la province de {prov_vn}.",
        "Les provinces de {prov_vn} (Vietnam) et de {prov_la} (Laos) ont signé {evt} un accord de coopération pour la période {period}.",
        "{vn} a reçu {evt} {la_o}, venu{la_e} présenter le bilan de la coopération entre les deux localités frontalières.",
    ),
    "assemblee": (
        "{visitor} a eu {evt} à {hostcity} des entretiens avec {host_o}, portant sur le renforcement de la coopération entre les deux organes législatifs.",
        "La conférence interparlementaire Vietnam - Laos s'est ouverte {evt} à {hostcity}, coprésidée par {vn_o} et {la_o}.",
    ),
    "interview": (
        "À l'approche de la visite d'État au Laos de {vn_o}, prévue {fut_y}, {la} a accordé une interview à l'Agence vietnamienne d'information (VNA).",
        "{la} a estimé, dans un entretien accordé à la presse {evt}, que les relations Vietnam - Laos entraient dans une nouvelle phase de développement.",
        "S'adressant à la presse {evt}, {vn2} a souligné l'importance de la visite au Laos de {vn_s}, prévue {fut_y}.",
    ),
}

TOPIC_SENTENCES = {
    "sommet": (
        "Les deux parties ont passé en revue la mise en œuvre des accords conclus lors des précédentes rencontres de haut niveau et se sont félicitées des résultats obtenus.",
        "{host_s} a souhaité la bienvenue à {visitor_s} et à la délégation {visitor_adj}, soulignant que cette visite intervient à un moment important pour les deux pays.",
        "Le dirigeant {visitor_adj_m} a remercié {host_s} pour l'accueil chaleureux réservé à sa délégation.",
        "Les deux dirigeants ont convenu de maintenir les échanges réguliers de délégations de haut niveau, par les canaux du Parti, de l'État, de l'Assemblée nationale et du Front.",
        "Ils ont ensuite assisté à la signature de {n_docs} documents de coopération dans les domaines {doms3}.",
        "À l'issue des entretiens, les deux parties ont publié une déclaration commune affirmant leur volonté de porter {rel} à un niveau supérieur.",
        "{visitor_s} a également {homage}.",
        "Les deux parties ont convenu de tenir la prochaine rencontre de haut niveau en {next_year} {next_where}.",
        "Selon {vn2_s}, la visite a atteint tous ses objectifs et laissera une empreinte durable sur les relations bilatérales.",
        "Les deux parties ont réaffirmé leur soutien à la position de principe de l'ASEAN sur la mer Orientale, ainsi qu'au règlement pacifique des différends conformément au droit international, notamment à la Convention des Nations unies sur le droit de la mer de 1982 (CNUDM).",
        "Le Vietnam et le Laos continueront de se coordonner avec le Cambodge afin de renforcer la solidarité et la coopération entre les trois pays indochinois.",
        "La délégation {visitor_adj} comprenait plusieurs membres du Bureau politique et du Comité central, des ministres ainsi que des dirigeants de localités.",
        "{host_s} a présenté à son hôte les grandes lignes de la situation socio-économique de son pays et les priorités de développement pour les années à venir.",
        "Les deux parties ont salué la coordination étroite entre les deux pays dans la préparation du {congress_vn} et du {congress_la}.",
    ),
    "telephone": (
        "Au cours de l'entretien, les deux parties ont échangé sur la situation de chaque pays ainsi que sur les questions régionales et internationales d'intérêt commun.",
        "{vn_s} a informé son homologue des principaux résultats socio-économiques obtenus par le Vietnam {stat_period}.",
        "{la_s} a remercié le Vietnam pour son soutien constant et efficace, notamment dans la préparation des grands événements organisés par le Laos.",
        "Les deux parties ont convenu de charger les ministères et les agences compétents de mettre activement en œuvre les accords conclus, afin d'obtenir rapidement des résultats concrets.",
        "Elles ont également discuté des préparatifs des prochaines rencontres de haut niveau entre les deux Partis et les deux États.",
        "L'entretien s'est déroulé dans une atmosphère chaleureuse, sincère et empreinte de confiance mutuelle.",
        "{la_s} a félicité le Vietnam pour les préparatifs du {congress_vn}.",
        "Les deux parties ont évoqué la coordination au sein de {forum}, où les deux pays défendent souvent des positions proches.",
        "{vn_s} a invité {la_s} à effectuer prochainement une visite au Vietnam, invitation acceptée avec plaisir.",
        "Les deux parties ont souligné que les échanges téléphoniques réguliers permettent de traiter rapidement les questions qui se posent dans la coopération.",
    ),
    "commerce": (
        "Le Vietnam exporte principalement vers le Laos des produits pétroliers, de l'acier, des engrais, des machines et des produits agricoles transformés, tandis qu'il en importe du minerai, du bois, du caoutchouc, du maïs et de l'électricité.",
        "Le Vietnam compte actuellement {projects_n} projets d'investissement au Laos, pour un capital total enregistré de {capital}, ce qui le place parmi les trois premiers investisseurs étrangers dans ce pays.",
        "Les deux parties se sont fixé pour objectif de porter les échanges bilatéraux à {money_target} d'ici à {target_year}.",
        "Selon {vn_s}, le potentiel de coopération reste considérable, notamment dans l'agriculture, l'énergie, les minerais et la logistique.",
        "Les entreprises vietnamiennes ont versé plus de {money_small} au budget de l'État lao et créé des dizaines de milliers d'emplois pour la population locale.",
        "Les deux parties ont convenu de simplifier les procédures douanières aux postes-frontières, notamment au poste international de {gate}.",
        "Le commerce frontalier a progressé de {pct} grâce à la modernisation des infrastructures aux postes-frontières.",
        "Plusieurs groupes vietnamiens, dont Viettel, ⟦Hoàng Anh Gia Lai⟧ (HAGL) et PetroVietnam, sont implantés au Laos depuis de nombreuses années.",
        "L'accord commercial bilatéral et l'accord sur le commerce frontalier accordent des tarifs préférentiels à de nombreux produits originaires des deux pays.",
        "La filiale lao de Viettel, Unitel, est devenue le premier opérateur de télécommunications du Laos, avec plus de {subscribers} millions d'abonnés.",
        "Le ministère vietnamien de l'Industrie et du Commerce prévoit d'organiser une série de foires commerciales à Vientiane et dans plusieurs provinces du sud du Laos.",
        "Les deux parties ont souligné la nécessité de développer les paiements en monnaie locale et les liaisons bancaires pour faciliter les transactions entre entreprises.",
        "{stat_period_cap}, les exportations du Vietnam vers le Laos ont atteint {exports}, tandis que ses importations en provenance du Laos se sont élevées à {imports}.",
        "{la_s} a invité les entreprises vietnamiennes à investir davantage dans les zones économiques spéciales du Laos, qui offrent des exonérations fiscales de {years_tax} ans.",
    ),
    "defense": (
        "Au cours de la saison sèche {season}, les équipes spéciales des deux pays ont retrouvé et rapatrié {remains} restes de soldats volontaires et d'experts vietnamiens.",
        "Depuis 1994, plus de {remains_total} restes de soldats volontaires et d'experts vietnamiens ont été rapatriés du Laos.",
        "La coopération en matière de défense et de sécurité est considérée comme l'un des piliers des relations spéciales entre les deux pays.",
        "Les deux parties ont convenu de renforcer la coordination dans la gestion et la protection de la frontière commune, longue de {border_km} km.",
        "L'Armée populaire du Vietnam (APV) continuera d'aider l'Armée populaire lao (APL) dans la formation de ses officiers et le renforcement de ses capacités logistiques.",
        "Chaque année, le Vietnam accueille plusieurs centaines d'officiers lao dans ses académies et écoles militaires.",
        "Les deux parties ont souligné l'importance de lutter contre la criminalité transfrontalière, le trafic de drogue et la traite des êtres humains dans les zones frontalières.",
        "{vn_s} a affirmé que l'APV était toujours prête à partager avec l'APL son expérience dans l'édification d'une armée révolutionnaire, régulière et moderne.",
        "Les gardes-frontières des provinces de {prov_vn} et de {prov_la} organisent régulièrement des patrouilles conjointes le long de la frontière.",
        "Les deux ministres ont également passé en revue la mise en œuvre du plan de coopération en matière de défense pour l'année {year}.",
        "{la_s} a exprimé sa gratitude envers l'APV pour son aide dans le déminage des zones contaminées par les munitions non explosées.",
        "Les deux parties ont convenu d'organiser des exercices conjoints de secours et de sauvetage en cas de catastrophe naturelle.",
    ),
    "education": (
        "Chaque année, le gouvernement vietnamien octroie plus de {scholarships} bourses aux étudiants lao, dans le cadre de l'accord de coopération entre les deux gouvernements.",
        "La plupart des étudiants lao suivent d'abord une année de cours de vietnamien avant d'intégrer les universités et les écoles professionnelles.",
        "Le Vietnam a financé la construction de plusieurs établissements scolaires au Laos, dont l'école de l'amitié ⟦Nguyễn Du⟧ à Vientiane.",
        "Les anciens étudiants lao formés au Vietnam occupent aujourd'hui des postes importants au sein du Parti, de l'État et des organisations du Laos.",
        "Les deux parties ont convenu de renforcer l'enseignement du vietnamien au Laos et du lao au Vietnam, en particulier dans les provinces frontalières.",
        "Près de {pct} des étudiants lao au Vietnam suivent des formations de troisième cycle, une proportion en nette progression ces dernières années.",
        "{vn_s} a demandé aux établissements d'enseignement de mieux accompagner les étudiants lao, notamment en matière de logement, de santé et d'intégration.",
        "Le programme de coopération pour la période {period} prévoit la formation de {trainees} cadres et fonctionnaires lao.",
        "L'Académie nationale de politique Hô Chi Minh accueille chaque année des cadres lao pour des formations en théorie politique et en gestion publique.",
        "Les universités des deux pays ont signé {n_docs} accords de jumelage et d'échange d'enseignants.",
        "{la_s} a salué la qualité de la formation dispensée par les universités de {hanoi}, de ⟦Đà Nẵng⟧ et de Hô Chi Minh-Ville.",
        "Des étudiants lao ont présenté des numéros artistiques et partagé leurs souvenirs de leurs années d'études au Vietnam.",
    ),
    "infrastructures": (
        "L'autoroute reliant Vientiane à {hanoi}, longue d'environ {km} km, devrait réduire considérablement le temps et le coût du transport entre les deux capitales.",
        "Le port de ⟦Vũng Áng⟧, dans la province de ⟦Hà Tĩnh⟧, offre au Laos un accès direct à la mer, un atout majeur pour ce pays enclavé.",
        "Le Laos exporte chaque année vers le Vietnam plusieurs centaines de mégawatts d'électricité produite par ses centrales hydroélectriques et éoliennes.",
        "Les deux parties ont convenu d'accélérer les procédures d'investissement pour les lignes de transport destinées à acheminer l'électricité du Laos vers le Vietnam.",
        "D'ici à {target_year}, le Vietnam prévoit d'importer jusqu'à {mw} MW d'électricité du Laos.",
        "La voie ferrée Vientiane - ⟦Vũng Áng⟧ permettra de relier le réseau ferré lao aux ports maritimes du centre du Vietnam.",
        "Les projets d'infrastructures sont considérés comme une priorité pour renforcer la connectivité entre les deux économies et le long du corridor économique Est-Ouest.",
        "Selon {vn2_s}, les difficultés liées au déblaiement des terrains et au financement doivent être résolues au plus vite.",
        "Les deux parties ont également évoqué la construction de nouvelles routes reliant les provinces frontalières de {prov_vn} et de {prov_la}.",
        "Le groupe Électricité du Vietnam (EVN) et la société Électricité du Laos (EDL) ont signé un accord d'achat d'électricité pour la période {period}.",
        "Le coût de {proj1} est estimé à {capital}, dont une partie financée par des prêts préférentiels.",
        "{la_s} a demandé au Vietnam de soutenir le Laos dans la mobilisation de capitaux pour les projets de transport prioritaires.",
    ),
    "anniversaire": (
        "Au fil des décennies, la solidarité entre le Vietnam et le Laos a été forgée par les sacrifices consentis par des générations de dirigeants et de citoyens des deux pays.",
        "Le président Hô Chi Minh, le président Kaysone Phomvihane et le président Souphanouvong ont posé les fondations de cette relation spéciale.",
        "Des milliers de soldats volontaires et d'experts vietnamiens ont combattu et travaillé aux côtés de la population lao pendant les guerres de résistance.",
        "Le programme de la cérémonie comprenait des numéros artistiques retraçant l'histoire de la solidarité entre les deux peuples.",
        "{la_s} a exprimé la gratitude du peuple lao envers le Parti, l'État et le peuple vietnamiens pour leur soutien sincère et désintéressé.",
        "Une exposition de photos et de documents d'archives sur les relations bilatérales a été inaugurée à cette occasion.",
        "Le Traité d'amitié et de coopération, signé le 18 juillet 1977, demeure le fondement juridique des relations entre les deux pays.",
        "Les relations diplomatiques entre les deux pays ont été établies le 5 septembre 1962.",
        "{org} a organisé de nombreuses activités à cette occasion, dont des festivals culturels et des rencontres sportives.",
        "{vn_s} a appelé les jeunes générations des deux pays à préserver et à cultiver l'héritage laissé par leurs aînés.",
        "Des anciens soldats volontaires vietnamiens ayant servi au Laos ont été invités à partager leurs souvenirs.",
    ),
    "provinces": (
        "Les deux provinces partagent une frontière de plus de {local_km} km, traversée notamment au poste de {gate}.",
        "Ces dernières années, {prov_vn} a aidé {prov_la} à construire des écoles, des centres de santé et des ouvrages d'irrigation, pour un montant total de {money_vnd}.",
        "Les échanges commerciaux entre les deux localités ont atteint {money_small} en {prev_year}.",
        "Chaque année, {prov_vn} accueille plusieurs centaines d'étudiants de {prov_la} dans ses établissements de formation.",
        "Les deux parties ont convenu de renforcer la coordination dans la lutte contre le trafic de stupéfiants et l'immigration illégale dans les zones frontalières.",
        "Les autorités des deux provinces ont également discuté du développement du tourisme transfrontalier et de circuits reliant les sites historiques des deux pays.",
        "{la_s} a remercié la province de {prov_vn} pour son aide précieuse au développement socio-économique de sa localité.",
        "La province de {prov_vn} s'engage à continuer à soutenir {prov_la} dans la formation des ressources humaines et la mise en valeur de son potentiel agricole.",
        "Les deux provinces ont achevé la densification des bornes frontalières sur leur portion de frontière commune.",
        "Des entreprises de {prov_vn} ont investi dans des plantations et des usines de transformation agricole à {prov_la}.",
    ),
    "assemblee": (
        "Les deux parties ont souligné le rôle important des Assemblées nationales dans la supervision de la mise en œuvre des accords de coopération entre les deux gouvernements.",
        "Elles ont convenu de renforcer l'échange d'expériences en matière d'élaboration des lois, de supervision et de décision sur les questions importantes du pays.",
        "2021|{vn_s} a rappelé que la Maison de l'Assemblée nationale du Laos, offerte par le Vietnam, symbolise l'amitié entre les deux pays.",
        "Les groupes parlementaires d'amitié des deux pays se réunissent régulièrement pour suivre les questions d'intérêt commun.",
        "Les deux parties ont convenu de coordonner étroitement leurs positions au sein de l'Assemblée interparlementaire de l'ASEAN (AIPA) et de l'Union interparlementaire (UIP).",
        "Les députés des provinces frontalières sont encouragés à multiplier les échanges afin de mieux répondre aux préoccupations des électeurs.",
        "{la_s} a salué les réformes législatives menées par l'Assemblée nationale vietnamienne pour accompagner le développement du pays.",
        "Les deux parties ont convenu d'organiser la prochaine conférence interparlementaire en {next_year} {next_where}.",
    ),
    "interview": (
        "{la_dip} a rappelé que le Laos considère toujours ses relations avec le Vietnam comme une priorité absolue de sa politique étrangère.",
        "Pour {la_dip}, cette visite témoigne du haut niveau de confiance politique entre les deux Partis et les deux pays.",
        "Interrogé{la_e} sur les perspectives économiques, {la_s} a indiqué que les deux pays visaient une croissance annuelle des échanges de {pct}.",
        "{la_dip} a également salué le rôle de la communauté vietnamienne au Laos, forte d'environ {diaspora} personnes, dans le renforcement des liens entre les deux peuples.",
        "Cette visite revêt une importance particulière alors que la région fait face à de nombreux défis en matière de sécurité et de développement.",
        "{vn2_s} a indiqué que les deux parties prévoyaient de signer plusieurs documents de coopération dans les domaines {doms3}.",
        "Au programme figurent des entretiens avec {la2_o}, ainsi que des rencontres avec d'autres hauts dirigeants lao.",
        "{la_dip} a exprimé sa conviction que la visite ouvrira de nouvelles perspectives pour la coopération entre les deux pays.",
        "Selon {la_dip}, les deux parties mettront l'accent sur l'économie et la connexion des infrastructures, domaines encore en deçà du potentiel.",
    ),
}

GENERIC_SENTENCES = (
    "Les relations entre le Vietnam et le Laos sont souvent citées comme un modèle rare dans les relations internationales.",
    "Les deux parties ont partagé leurs analyses de la situation régionale et internationale et sont convenues de renforcer la coordination au sein de {forum}.",
    "Elles ont réaffirmé leur détermination à préserver et à développer {rel}, dans l'intérêt des deux peuples.",
    "{vn_s} a souligné que le Vietnam accorde toujours la plus haute priorité à {rel}.",
    "Le Vietnam est prêt à partager avec le Laos son expérience en matière {de_dom}, a-t-on indiqué.",
    "Les deux parties ont salué l'efficacité des mécanismes de coopération existants, dont la réunion annuelle entre les deux Bureaux politiques et la session du Comité intergouvernemental.",
    "Elles ont convenu de poursuivre les échanges d'informations et les consultations sur les questions d'intérêt commun.",
    "Les deux pays s'efforceront de mieux exploiter leurs atouts respectifs afin que la coopération économique soit à la hauteur des excellentes relations politiques.",
    "Les délégations ont également visité plusieurs sites historiques et culturels à {hostcity}.",
    "La coopération dans les domaines de la culture, du tourisme et des échanges entre les peuples a connu des progrès notables.",
    "Le Vietnam et le Laos entretiennent une coopération étroite pour la gestion durable des ressources en eau du Mékong.",
    "La communauté vietnamienne au Laos, forte d'environ {diaspora} personnes, contribue activement au développement de son pays d'accueil.",
    "Les deux parties ont également examiné les mesures visant à résoudre les difficultés rencontrées par les entreprises.",
    "Les échanges bilatéraux ont atteint {trade} {stat_period}, un chiffre encore modeste au regard du potentiel des deux économies.",
    "La coopération entre {org_pair} s'est également intensifiée au cours de la période récente.",
    "{la_s} a affirmé que le Laos n'oubliera jamais le soutien que lui ont apporté le Parti, l'État et le peuple du Vietnam.",
    "Les échanges entre les localités, et en particulier entre les provinces frontalières, ont été encouragés.",
    "Les deux parties ont souligné l'importance de sensibiliser les jeunes à l'histoire des relations bilatérales.",
    "Le commerce bilatéral reste toutefois inférieur aux attentes, avec une croissance de {pct} seulement par rapport à l'année précédente.",
    "Les investissements vietnamiens au Laos se concentrent dans l'énergie, les mines, l'agriculture, les télécommunications et la finance.",
    "Les deux parties ont salué la coordination entre le Vietnam, le Laos et le Cambodge au sein du Triangle de développement, ainsi que dans le cadre de {forum}.",
    "{vn_s} a félicité le Laos pour la stabilité politique et la croissance économique de {la_growth} enregistrées {stat_period}.",
    "Les deux pays ont célébré ensemble de nombreux anniversaires qui jalonnent l'histoire de leurs relations.",
)

INF_SUBJECTS = (  # (text, "s"/"p", "m"/"f")
    ("les deux parties", "p", "f"),
    ("les deux pays", "p", "m"),
    ("les deux dirigeants", "p", "m"),
    ("les deux Partis", "p", "m"),
    ("les deux délégations", "p", "f"),
    ("la partie vietnamienne", "s", "f"),
    ("la partie lao", "s", "f"),
    ("le Vietnam", "s", "m"),
    ("le Laos", "s", "m"),
    ("les deux gouvernements", "p", "m"),
)
INF_VERBS = (  # (singular, plural); "§" takes the participle's agreement
    ("a convenu de", "ont convenu de"),
    ("s'est engagé§ à", "se sont engagé§ à"),
    ("a décidé de", "ont décidé de"),
    ("a souligné la nécessité de", "ont souligné la nécessité de"),
    ("a réaffirmé sa détermination à", "ont réaffirmé leur détermination à"),
    ("continuera de", "continueront de"),
    ("entend", "entendent"),
    ("s'efforcera de", "s'efforceront de"),
    ("a proposé de", "ont proposé de"),
    ("souhaite", "souhaitent"),
    ("a exprimé le souhait de", "ont exprimé le souhait de"),
    ("est déterminé§ à", "sont déterminé§ à"),
    ("s'est dit§ prêt§ à", "se sont dit§ prêt§ à"),
)
INF_OBJECTS = (
    "renforcer la coopération en matière {de_dom}",
    "approfondir {rel}",
    "promouvoir les échanges de délégations à tous les niveaux",
    "mettre en œuvre efficacement les accords conclus par les hauts dirigeants",
    "accélérer la réalisation de {proj}",
    "lever les obstacles qui freinent encore {proj}",
    "intensifier la coordination au sein de {forum}",
    "faciliter les échanges commerciaux transfrontaliers",
    "développer les liaisons de transport entre les deux pays",
    "consolider la base politique des relations bilatérales",
    "multiplier les échanges entre les localités frontalières",
    "augmenter le nombre de bourses accordées aux étudiants lao",
    "préserver et promouvoir {rel}",
    "soutenir les entreprises dans leurs projets d'investissement",
    "porter les échanges bilatéraux à {money_target}",
    "améliorer l'efficacité des mécanismes de coopération existants",
    "renforcer la gestion et la protection de la frontière commune",
    "partager des expériences en matière {de_dom}",
    "se coordonner étroitement sur les questions régionales et internationales",
    "élargir la coopération entre {org_pair}",
    "encourager les investissements dans {sector}",
    "ouvrir de nouveaux domaines de coopération, comme {dom} et {dom}",
)
PRAISE_VERBS = (
    ("a salué", "ont salué"),
    ("a hautement apprécié", "ont hautement apprécié"),
    ("s'est félicité§ de", "se sont félicité§ de"),
    ("a passé en revue", "ont passé en revue"),
    ("a souligné", "ont souligné"),
    ("a pris note avec satisfaction de", "ont pris note avec satisfaction de"),
)
PRAISE_OBJECTS = (
    "les résultats obtenus dans la coopération en matière {de_dom}",
    "les progrès réalisés dans la mise en œuvre de {proj}",
    "le rôle important joué par {org}",
    "la contribution des anciens étudiants lao formés au Vietnam",
    "l'efficacité des mécanismes de coopération entre les deux Partis",
    "les réalisations obtenues par le peuple lao dans l'édification et la défense de la patrie",
    "les acquis du processus de Renouveau (⟦Đổi mới⟧) au Vietnam",
    "la coordination étroite entre les deux pays au sein de {forum}",
    "le développement continu des échanges commerciaux, qui ont atteint {trade} {stat_period}",
    "les efforts des localités frontalières pour maintenir la sécurité et l'ordre",
    "la bonne coopération entre {org_pair}",
)
OPENERS = (
    "Par ailleurs, ",
    "En outre, ",
    "Dans ce contexte, ",
    "Selon le communiqué conjoint, ",
    "À cette occasion, ",
    "Lors des discussions, ",
    "De plus, ",
    "Dans cet esprit, ",
    "Sur cette base, ",
    "Dans les temps à venir, ",
)
COMPLEMENTS = (
    "",
    "",
    "",
    "",
    " dans la nouvelle période",
    " au cours des prochaines années",
    ", dans l'intérêt des deux peuples",
    ", pour la paix, la stabilité et le développement de la région",
    " d'ici à {target_year}",
    " dans les temps à venir",
    ", conformément aux accords conclus",
    " dans le contexte actuel",
    " au cours de l'année {year}",
)
SAY = ("a affirmé", "a souligné", "a indiqué", "a estimé", "a déclaré", "a rappelé", "a fait savoir", "a précisé")
SAY_AFTER_QUOTE = ("a déclaré", "a souligné", "a affirmé", "a insisté", "a expliqué")
SAY_AGAIN = ("ajouté", "poursuivi", "souligné", "précisé", "insisté")  # « … », a-t-il ajouté.
CLAUSES = (  # "vn|" or "la|": only said by someone of that side
    "les relations spéciales Vietnam - Laos constituent un patrimoine inestimable pour les deux peuples",
    "vn|le Vietnam accorde toujours la plus haute priorité à {rel}",
    "la|le Laos n'oubliera jamais l'aide précieuse et désintéressée du Vietnam",
    "la coopération en matière {de_dom} a enregistré des progrès remarquables ces dernières années",
    "les deux pays doivent accélérer la réalisation de {proj}",
    "les échanges commerciaux pourraient atteindre {money_target} d'ici à {target_year}",
    "les jeunes générations ont la responsabilité de préserver et de cultiver cette relation exemplaire",
    "cette rencontre ouvre une nouvelle page dans l'histoire des relations bilatérales",
    "son pays est prêt à partager ses expériences en matière {de_dom}",
    "la solidarité entre les deux pays est un facteur déterminant pour le succès de la cause révolutionnaire de chaque nation",
    "les accords signés doivent se traduire rapidement par des résultats concrets",
    "les deux parties doivent lever les obstacles qui freinent encore les investissements",
    "le potentiel de coopération entre les deux économies reste largement inexploité",
    "il faut accorder une attention particulière à l'éducation des jeunes sur l'histoire commune",
    "la coopération en matière {de_dom} doit devenir un nouveau moteur des relations bilatérales",
    "les deux pays partagent une vision commune de la paix et du développement dans la région",
)

SUBHEADINGS = {
    "": (
        "Une relation d'une valeur inestimable",
        "Des perspectives de coopération prometteuses",
        "Renforcer la confiance politique",
        "Une coordination étroite sur la scène internationale",
        "Des résultats concrets dans tous les domaines",
        "Priorité à la connectivité",
        "Cap sur une nouvelle phase de développement",
        "Les jeunes, garants de l'amitié",
        "Consolider les fondements de la coopération",
    ),
    "sommet": (
        "Porter la coopération à un niveau supérieur",
        "Priorité à l'économie",
        "Des accords concrets signés à {hostcity}",
    ),
    "telephone": ("Préparer les prochaines échéances", "Un dialogue régulier et franc"),
    "commerce": (
        "Objectif {money_target} d'échanges",
        "Lever les obstacles à l'investissement",
        "Vers des échanges plus équilibrés",
    ),
    "defense": (
        "Un pilier des relations bilatérales",
        "Une frontière de paix et d'amitié",
        "Retrouver les soldats tombés",
    ),
    "education": ("Des milliers de bourses chaque année", "Former les cadres de demain"),
    "infrastructures": ("Des projets structurants", "L'énergie, un nouveau moteur"),
    "anniversaire": ("Un héritage historique", "Transmettre la mémoire aux jeunes générations"),
    "provinces": ("Des liens de voisinage exemplaires", "Développer le commerce frontalier"),
    "assemblee": ("Renforcer la supervision parlementaire", "Partager les expériences législatives"),
    "interview": ("Une visite au moment opportun", "Des attentes élevées", "L'économie, priorité de la visite"),
}

CAPTIONS = {
    "": (
        "{vn_s} (à droite) et {la_s}",
        "{vn_s} (à gauche) s'entretient avec {la_s}",
        "Vue de l'entretien entre {vn_s} et {la_s}",
        "Les deux dirigeants assistent à la signature de documents de coopération",
        "Cérémonie d'accueil officielle à {hostcity}",
        "Scène de la séance de travail",
        "Des délégués lors de la cérémonie",
        "{visitor_s} est accueilli{visitor_e} par {host_s} à {hostcity}",
    ),
    "defense": (
        "Les équipes spéciales des deux pays lors d'une cérémonie de rapatriement de restes de soldats volontaires",
        "Des gardes-frontières vietnamiens et lao en patrouille conjointe",
    ),
    "education": (
        "Des étudiants lao lors de la cérémonie de remise de diplômes",
        "Des étudiants lao dans un cours de vietnamien",
    ),
    "infrastructures": ("Le port de ⟦Vũng Áng⟧, dans la province de ⟦Hà Tĩnh⟧", "Un chantier de {proj}"),
    "commerce": (
        "Des produits vietnamiens présentés lors d'une foire commerciale à Vientiane",
        "Le poste-frontière international de {gate}",
    ),
    "provinces": ("Les dirigeants des provinces de {prov_vn} et de {prov_la}", "Le poste-frontière de {gate}"),
    "anniversaire": ("Un numéro artistique lors de la cérémonie", "Des délégués visitent l'exposition de photos"),
}
CREDITS = ("Photo : VNA",) * 14 + ("Photo : VNA/CVN",) * 4 + ("Photo d'archives : VNA", "Photo : VGP")

# Vietnamese words that photo file names are made of (the sites name pictures
# after a folded Vietnamese caption).
PHOTO_WORDS = {
    "sommet": ("tong bi thu", "hoi dam", "cap cao", "viet nam lao", "chu tich nuoc", "thu tuong", "tham chinh thuc"),
    "telephone": ("dien dam", "hoi dam truc tuyen", "bo truong ngoai giao", "viet nam lao"),
    "commerce": ("thuong mai", "dau tu", "kim ngach", "xuat khau", "hop tac kinh te", "uy ban lien chinh phu"),
    "defense": ("quoc phong", "an ninh", "bien gioi", "quy tap hai cot liet si", "quan tinh nguyen"),
    "education": ("giao duc", "dao tao", "luu hoc sinh lao", "hoc bong", "trao bang"),
    "infrastructures": ("cao toc", "cang vung ang", "dien luc", "thuy dien", "duong sat", "khoi cong"),
    "anniversaire": ("ky niem", "quan he ngoai giao", "hiep uoc huu nghi", "quoc khanh lao", "mit tinh"),
    "provinces": ("hop tac dia phuong", "tinh", "doan cong tac", "biet phai", "ky ket"),
    "assemblee": ("quoc hoi", "chu tich quoc hoi", "hop tac nghi vien", "hoi dam"),
    "interview": ("dai su lao", "phong van", "chuyen tham", "tam nhin chien luoc"),
}

SOURCE_SITES = (
    "vietnamplus",
    "lecourrier",
    "vovworld",
    "vov",
    "vietnamnet",
    "nhandan",
    "qdnd",
    "baoquocte",
    "dangcongsan",
)
_SOURCE_WEIGHTS = (25, 20, 8, 7, 15, 10, 5, 5, 5)

# Rewordings for near-copies: each keeps the grammar (same gender and number).
REWORDINGS = (
    ("renforcer", "consolider"),
    ("approfondir", "intensifier"),
    ("Les deux parties", "Les deux côtés"),
    ("les deux parties", "les deux côtés"),
    ("important", "majeur"),
    ("a salué", "a apprécié"),
    ("ont salué", "ont apprécié"),
    ("coopération", "collaboration"),
    ("notamment", "en particulier"),
    ("également", "aussi"),
    ("promouvoir", "encourager"),
    ("mettre en œuvre", "appliquer"),
    ("a déclaré", "a affirmé"),
    ("a indiqué", "a précisé"),
    ("dirigeants", "responsables"),
    ("dans le cadre de", "au titre de"),
    ("afin de ", "pour "),
    ("Vietnam - Laos", "vietnamo-lao"),
    ("soutien", "appui"),
    ("objectif", "but"),
    ("rapidement", "au plus vite"),
    ("domaines", "secteurs"),
    ("a souligné", "a mis en avant"),
    ("considérable", "énorme"),
    ("étroite", "intime"),
)

# ---------------------------------------------------------------- helpers

_MARK = re.compile("⟦([^⟧]*)⟧")
# "de le" → "du", "à les" → "aux"; "de accélérer" → "d'accélérer", "que il" → "qu'il"
_FRENCH = re.compile(r"\b(?:([Dd]e|[Àà]) (le|les) |([Dd]e|[Qq]ue) (?=[aeiouéèêàâîôûAEIOUÉÈÊÀÂÎÔÛ]))")
_CONTRACTED = {("de", "le"): "du", ("de", "les"): "des", ("à", "le"): "au", ("à", "les"): "aux"}
_FOLD_EXTRA = str.maketrans({"đ": "d", "Đ": "D", "œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE"})


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Drop diacritics, the way Vietnamese names are often printed (``Tô Lâm`` → ``To Lam``)."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD_EXTRA))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _fold_last(name: str) -> str:
    head, _, last = name.rpartition(" ")
    return f"{head} {fold(last)}" if head else fold(last)


def _contract_or_elide(match: re.Match) -> str:
    word, article, elided = match.groups()
    if elided:
        return elided[:-1] + "'"
    out = _CONTRACTED[(word.lower(), article)]
    return (out.capitalize() if word[0].isupper() else out) + " "


def _polish(sentence: str) -> str:
    """French contractions (de le → du) and elisions (de accélérer → d'accélérer), capital first letter."""
    sentence = _FRENCH.sub(_contract_or_elide, sentence)
    return sentence[:1].upper() + sentence[1:]


_CUMULATIVE: dict[tuple, tuple] = {}


def _weighted(rng: random.Random, options: Sequence, weights: tuple) -> object:
    """``rng.choices(options, weights)[0]`` without rebuilding the cumulative weights each time."""
    cumulative = _CUMULATIVE.get(weights)
    if cumulative is None:
        cumulative = _CUMULATIVE[weights] = tuple(itertools.accumulate(weights))
    return options[bisect.bisect(cumulative, rng.random() * cumulative[-1])]


def words(text: str) -> int:
    return len(text.split())


def _ordinal(n: int) -> str:
    return "1er" if n == 1 else f"{n}e"


def _on(d: date) -> str:
    """``1er mars``, ``12 mars``."""
    return f"{'1er' if d.day == 1 else d.day} {MONTHS[d.month - 1]}"


def _holder(roles: dict, role: str, day: date) -> str:
    iso = day.isoformat()
    holder = roles[role][0][1]
    for start, key in roles[role]:
        if start <= iso:
            holder = key
    return holder


def _feminine(title: str) -> str:
    for masc, fem in (
        ("le président", "la présidente"),
        ("l'ambassadeur", "l'ambassadrice"),
        ("le vice-ministre", "la vice-ministre"),
        ("le ministre", "la ministre"),
        ("le gouverneur", "la gouverneure"),
        ("le secrétaire", "la secrétaire"),
        ("le dirigeant", "la dirigeante"),
        ("le responsable", "la responsable"),
    ):
        if title.startswith(masc):
            title = fem + title[len(masc) :]
            return title + "e" if title.endswith(" provincial") else title
    return title


@dataclass(frozen=True)
class _NumberStyle:
    """How one article writes numbers: the press is not consistent."""

    thousands: str  # "1.700", "1 700", "1 700"
    percent: str  # "15 %", "15%"
    dollars: str  # "de dollars", "de dollars américains", "d'USD"

    def integer(self, n: int) -> str:
        digits = str(n)
        if n < 1000:
            return digits
        groups = []
        while digits:
            groups.append(digits[-3:])
            digits = digits[:-3]
        return self.thousands.join(reversed(groups))

    def pct(self, value: float) -> str:
        text = f"{value:.1f}".replace(".", ",").removesuffix(",0")
        return text + self.percent

    def usd(self, millions: float) -> str:
        if millions >= 1000:
            amount = f"{millions / 1000:.1f}".replace(".", ",").removesuffix(",0")
            return f"{amount} milliard{'s' if millions >= 2000 else ''} {self.dollars}"
        return f"{self.integer(int(round(millions)))} millions {self.dollars}"


class _Slots(dict):
    """Template values: fixed ones for the article, drawn afresh on each use for the others."""

    def __init__(self, rng: random.Random, numbers: _NumberStyle, relations: Sequence[str], fixed: dict):
        super().__init__(fixed)
        self.rng = rng
        self.numbers = numbers
        self.relations = relations

    def __missing__(self, key: str) -> str:
        return _DRAWS[key](self)


def _draw_org_pair(s: _Slots) -> str:
    first, second = s.rng.sample(ORGS, 2)
    return f"{first} et {second}"


def _draw_doms3(s: _Slots) -> str:
    chosen = s.rng.sample(DOMAINS, 3)
    return f"de {chosen[0][0]}, de {chosen[1][0]} et de {chosen[2][0]}"


_DRAWS: dict[str, Callable[[_Slots], str]] = {
    "dom": lambda s: s.rng.choice(DOMAINS)[0],
    "de_dom": lambda s: "de " + s.rng.choice(DOMAINS)[1],
    "doms3": _draw_doms3,
    "org_pair": _draw_org_pair,
    "proj": lambda s: s.rng.choice(PROJECTS),
    "sector": lambda s: s.rng.choice(SECTORS),
    "forum": lambda s: s.rng.choice(FORUMS),
    "org": lambda s: s.rng.choice(ORGS),
    "rel": lambda s: s.rng.choice(s.relations),
    "pct": lambda s: s.numbers.pct(s.rng.choice((s.rng.randint(3, 40), s.rng.randint(30, 399) / 10))),
    "money_small": lambda s: s.numbers.usd(s.rng.randint(12, 950)),
    "money_vnd": lambda s: f"{s.numbers.integer(s.rng.randint(5, 450))} milliards de dôngs",
    "n_docs": lambda s: str(s.rng.randint(3, 24)),
    "n_firms": lambda s: str(s.rng.randint(8, 60) * 10),
    "n_grads": lambda s: str(s.rng.randint(40, 600)),
    "subscribers": lambda s: f"{s.rng.randint(25, 55) / 10:.1f}".replace(".", ","),
    "years_tax": lambda s: str(s.rng.choice((4, 5, 7, 10))),
    "mw": lambda s: s.numbers.integer(s.rng.choice((3000, 5000, 8000, 1500, 2200))),
    "km": lambda s: str(s.rng.randint(520, 700)),
    "remains": lambda s: str(s.rng.randint(60, 190)),
    "trainees": lambda s: s.numbers.integer(s.rng.randint(8, 30) * 100),
    "scholarships": lambda s: s.numbers.integer(s.rng.choice((1000, 1100, 1200))),
    "local_km": lambda s: str(s.rng.randint(90, 470)),
    "la_growth": lambda s: s.numbers.pct(s.rng.randint(35, 72) / 10),
    "target_year": lambda s: str(s.rng.choice((2025, 2030)) if s["year"] < "2025" else s.rng.choice((2030, 2035))),
}


# ---------------------------------------------------------------- articles


@dataclass(frozen=True)
class _Style:
    names: str  # "full", "ascii" or "partial": how Vietnamese names are printed
    apostrophe: str  # "straight", "curly" or "mixed"
    mixed: tuple  # for "mixed": which blocks get curly apostrophes
    separator: str  # "\n\n" or "\n" between paragraphs
    trailing: str  # what follows the last line
    glitch: int  # index of a paragraph missing a space after a full stop, or -1


@dataclass
class _Draft:
    """An article before rendering; near-copies are made from it."""

    index: int
    shape: str
    topic: str
    day: date
    header: str | None
    title: str
    body: list  # [(kind, value)]: para [sentences] | lines [str] | sub str | related str
    ending: str | None
    style: _Style
    source_url: str = ""


@dataclass(frozen=True)
class SynthArticle:
    name: str
    text: str
    day: date
    precision: str  # "month" for a month-only header, else "day"
    shape: str
    topic: str
    duplicate_of: str | None = None
    copy_kind: str | None = None
    people: tuple[str, ...] = field(default=())

    def truth(self) -> dict:
        return {
            "file": self.name,
            "date": self.day.isoformat(),
            "precision": self.precision,
            "shape": self.shape,
            "topic": self.topic,
            "duplicate_of": self.duplicate_of,
            "copy_kind": self.copy_kind,
            "words": words(self.text),
            "people": list(self.people),
        }


def file_name(index: int) -> str:
    return f"synth_{index:06d}.txt"


class _Writer:
    """Composes one article from its own random generator."""

    def __init__(self, index: int, seed: int | str):
        self.index = index
        self.rng = rng = random.Random(f"chronique.synth:{seed}:{index}")
        self.topic = _weighted(rng, TOPICS, _TOPIC_WEIGHTS)
        self.shape = _weighted(rng, SHAPES, _SHAPE_WEIGHTS)
        self.anniversary = None
        self.day = self._pick_day()
        self.numbers = _NumberStyle(
            thousands=_weighted(rng, (".", " ", "\u00a0", "\u202f"), (45, 35, 10, 10)),
            percent=_weighted(rng, (" %", "%", "\u00a0%"), (50, 35, 15)),
            dollars=_weighted(rng, ("de dollars", "de dollars américains", "d'USD"), (60, 25, 15)),
        )
        self.people: list[str] = []
        self.slots = self._build_slots()
        self.pickers: dict[str, list] = {}
        self.last_speaker = None

    # -- dates and people --------------------------------------------------

    def _pick_day(self) -> date:
        rng = self.rng
        if self.topic == "anniversaire":
            what, first, month, dom = rng.choice(ANNIVERSARIES)
            year = rng.randint(DATE_MIN.year, DATE_MAX.year)
            day = date(year, month, dom) + timedelta(days=rng.randint(-12, 3))
            if DATE_MIN <= day <= DATE_MAX:
                self.anniversary = (what, first, date(year, month, dom))
                return day
            self.topic = "sommet"
        return DATE_MIN + timedelta(days=rng.randint(0, (DATE_MAX - DATE_MIN).days))

    def _person(self, prefix: str, side: str, role: str, fixed: dict, province: str = "") -> None:
        rng = self.rng
        roles, titles = (VN_ROLES, VN_TITLES) if side == "vn" else (LA_ROLES, LA_TITLES)
        if role == "local":
            name, gender = self._local_name(side)
        else:
            key = _holder(roles, role, self.day)
            name, gender, others = PEOPLE[key]
            if role in ("sg", "president"):
                other = "president" if role == "sg" else "sg"
                if _holder(roles, other, self.day) == key:
                    role = "sg+president"
            if others and rng.random() < 0.06:
                name = rng.choice(others)
        self.people.append(name)
        shown = name if name.isascii() else f"⟦{name}⟧"
        longs, shorts = titles[role]
        long_t = rng.choice(longs).format(prov=province)
        short_t = rng.choice(shorts).format(prov=province)
        if gender == "f":
            long_t, short_t = _feminine(long_t), _feminine(short_t)
        if rng.random() < 0.55:
            fixed[prefix], fixed[prefix + "_o"] = f"{long_t}, {shown},", f"{long_t}, {shown}"
        else:
            fixed[prefix] = fixed[prefix + "_o"] = f"{long_t} {shown}"
        fixed[prefix + "_s"] = f"{short_t} {shown}"
        fixed[prefix + "_n"] = shown
        fixed[prefix + "_e"] = "e" if gender == "f" else ""
        fixed[prefix + "_g"] = gender

    def _local_name(self, side: str) -> tuple[str, str]:
        rng = self.rng
        if side == "vn":
            middle = rng.choice(_VN_MIDDLE)
            return (f"{rng.choice(_VN_SURNAMES)} {middle} {rng.choice(_VN_GIVEN)}", "f" if middle == "Thị" else "m")
        given, gender = rng.choice(_LA_GIVEN)
        return f"{given} {rng.choice(_LA_FAMILY)}", gender

    def _cast(self) -> tuple[tuple[str, str], tuple[str, str], tuple[str, str], tuple[str, str]]:
        """(side, role) of the two protagonists and of two secondary people, by topic."""
        rng, topic = self.rng, self.topic
        if topic in ("sommet", "telephone"):
            level = _weighted(
                rng, ("sg", "president", "pm", "na", "fm"), (4, 2, 4, 1, 0) if topic == "sommet" else (3, 1, 3, 0, 3)
            )
            return ("vn", level), ("la", level), ("vn", rng.choice(("fm", "vice_fm"))), ("la", "fm")
        if topic == "anniversaire":
            return (
                ("vn", rng.choice(("na", "president", "sg"))),
                ("la", rng.choice(("amb", "na"))),
                ("vn", "amb"),
                ("la", "amb"),
            )
        return {
            "commerce": (("vn", "trade"), ("la", "trade"), ("vn", "pm"), ("la", "pm")),
            "defense": (("vn", "defence"), ("la", "defence"), ("vn", "amb"), ("la", "amb")),
            "education": (("vn", "edu"), ("la", "edu"), ("vn", "amb"), ("la", "amb")),
            "infrastructures": (("vn", "pm"), ("la", "pm"), ("vn", "trade"), ("la", "trade")),
            "provinces": (("vn", "local"), ("la", "local"), ("vn", "amb"), ("la", "amb")),
            "assemblee": (("vn", "na"), ("la", "na"), ("vn", "fm"), ("la", "fm")),
            "interview": (("vn", "sg"), ("la", "amb"), ("vn", "vice_fm"), ("la", "sg")),
        }[topic]

    # -- slots -------------------------------------------------------------

    def _build_slots(self) -> _Slots:
        rng, day, topic = self.rng, self.day, self.topic
        fixed: dict[str, str] = {}
        prov_vn, prov_la = rng.choice(PROVINCE_PAIRS)
        fixed["prov_vn"], fixed["prov_la"] = f"⟦{prov_vn}⟧", prov_la
        first, second, third, fourth = self._cast()
        self._person("vn", *first, fixed, province=fixed["prov_vn"])
        self._person("la", *second, fixed, province=prov_la)
        self._person("vn2", *third, fixed)
        self._person("la2", *fourth, fixed)

        hanoi = rng.choice(("Hanoï", "Hanoï", "Hanoi"))
        host_side = "vn" if topic == "interview" else rng.choice(("vn", "la"))
        if topic == "provinces":
            host_side = "vn"
            hostcity = f"{fixed['prov_vn']}"
        elif host_side == "vn":
            hostcity = _weighted(rng, (hanoi, "Hô Chi Minh-Ville", "⟦Đà Nẵng⟧"), (8, 1, 1))
        else:
            hostcity = _weighted(rng, ("Vientiane", "Luang Prabang", "Paksé"), (8, 1, 1))
        visitor_side = "la" if host_side == "vn" else "vn"
        for role_name, side in (("host", host_side), ("visitor", visitor_side)):
            for suffix in ("", "_o", "_s", "_n", "_e"):
                fixed[role_name + suffix] = fixed[side + suffix]
        fixed["hostcity"] = hostcity
        fixed["hanoi"] = hanoi
        fixed["visit_where"] = "au Vietnam" if host_side == "vn" else "au Laos"
        fixed["visitor_adj"] = "lao" if visitor_side == "la" else "vietnamienne"
        fixed["visitor_adj_m"] = "lao" if visitor_side == "la" else "vietnamien"
        fixed["homage"] = (
            "déposé une gerbe de fleurs au Monument aux héros et martyrs, rue ⟦Bắc Sơn⟧, avant de rendre hommage "
            "au président Hô Chi Minh en son mausolée"
            if host_side == "vn"
            else "déposé une gerbe de fleurs au Monument national des héros à Vientiane et visité le musée Kaysone Phomvihane"
        )
        fixed["next_where"] = "au Laos" if host_side == "vn" else "au Vietnam"
        fixed["la_dip"] = "la diplomate lao" if fixed["la_g"] == "f" else "le diplomate lao"

        lag = rng.choice((0, 0, 0, 1, 1, 2))
        event = day - timedelta(days=lag)
        on, weekday = _on(event), WEEKDAYS[event.weekday()]
        # "ce lundi" only for yesterday or today
        fixed["evt"] = _weighted(
            rng,
            (f"le {on}", f"ce {weekday} {on}", f"{weekday} {on}", f"le {on} {event.year}", f"le {weekday} {on}"),
            (45, 15 if lag < 2 else 0, 10, 20, 10),
        )
        ahead = day + timedelta(days=rng.randint(2, 12))
        fixed["fut_y"] = f"le {_on(ahead)} {ahead.year}"
        fixed["year"] = str(day.year)
        fixed["prev_year"] = str(day.year - 1)
        fixed["next_year"] = str(day.year + 1)
        if day.month <= 2:
            period_text, fraction, stats_year = f"en {day.year - 1}", 1.0, day.year - 1
        else:
            months = day.month - 1
            period_text = f"au cours des {_MONTH_COUNTS[months]} premiers mois de {day.year}"
            fraction, stats_year = months / 12, day.year
        fixed["stat_period"] = period_text
        fixed["stat_period_cap"] = period_text[:1].upper() + period_text[1:]
        annual = 950 * 1.095 ** (stats_year - 2015) * rng.uniform(0.92, 1.08)
        fixed["trade"] = self.numbers.usd(annual * fraction)
        exports = annual * fraction * rng.uniform(0.5, 0.65)
        fixed["exports"] = self.numbers.usd(exports)
        fixed["imports"] = self.numbers.usd(annual * fraction - exports)
        target = next(t for t in (2, 3, 5, 10, 15) if t * 1000 > annual * 1.3)
        fixed["money_target"] = f"{target} milliards {self.numbers.dollars}"
        fixed["capital"] = self.numbers.usd((4000 + 170 * (day.year - 2015)) * rng.uniform(0.95, 1.08))
        fixed["projects_n"] = str(200 + 5 * (day.year - 2015) + rng.randint(0, 20))
        fixed["students"] = self.numbers.integer((11000 + 550 * (day.year - 2015)) // 100 * 100)
        fixed["diaspora"] = self.numbers.integer(rng.choice((50000, 70000, 100000)))
        fixed["remains_total"] = self.numbers.integer(18000 + 650 * (day.year - 2015))
        fixed["border_km"] = self.numbers.integer(2337)
        fixed["session"] = _ordinal(day.year - 1978 - (1 if day.month == 1 else 0))
        plan = 2016 + 5 * ((day.year - 2016) // 5)
        fixed["period"] = f"{plan}-{plan + 4}"
        fixed["season"] = f"{day.year - 1}-{day.year}" if day.month <= 6 else f"{day.year}-{day.year + 1}"
        fixed["gate"] = rng.choice(BORDER_GATES)
        fixed["proj1"] = rng.choice(PROJECTS)
        iso = day.isoformat()
        vn_congress = max(n for start, n in VN_CONGRESSES if start <= iso)
        la_congress = max(n for start, n in LA_CONGRESSES if start <= iso)
        fixed["congress_vn"] = f"{_ROMAN[vn_congress]}e Congrès national du Parti communiste du Vietnam"
        fixed["congress_la"] = f"{_ROMAN[la_congress]}e Congrès du Parti populaire révolutionnaire lao"
        if self.anniversary:
            what, first, when = self.anniversary
            nth = _ordinal(when.year - first)
            fixed["anniv_short"] = f"{nth} anniversaire de {what}"
            fixed["anniv"] = (
                f"{nth} anniversaire de {what} ({_on(when.replace(year=first))} {first} - {_on(when)} {when.year})"
            )
        else:
            nth = _ordinal(day.year - 1962)
            fixed["anniv_short"] = f"{nth} anniversaire des relations diplomatiques Vietnam - Laos"
            fixed["anniv"] = f"{nth} anniversaire de l'établissement des relations diplomatiques Vietnam - Laos"
        relations = RELATIONS + ((RELATION_2026,) if iso >= "2025-12-01" else ())
        return _Slots(rng, self.numbers, relations, fixed)

    # -- sentences ---------------------------------------------------------

    def fill(self, template: str) -> str:
        return _polish(template.format_map(self.slots))

    def _next_template(self, pool_name: str, pool: Sequence[str]) -> str | None:
        order = self.pickers.get(pool_name)
        if order is None:
            order = self.pickers[pool_name] = self.rng.sample(list(pool), len(pool))
        year = self.day.year
        while order:
            template = order.pop()
            if template[:4].isdigit() and template[4] == "|":
                if year < int(template[:4]):
                    continue
                template = template[5:]
            return template
        return None

    def _speaker(self) -> tuple[str, str]:
        prefix = self.rng.choice(("vn", "la", "vn", "la", "vn2", "la2"))
        return prefix, self.slots[prefix + "_g"]

    def sentence(self) -> str:
        rng = self.rng
        kind = _weighted(rng, ("topic", "generic", "inf", "praise", "speech"), (45, 15, 15, 10, 15))
        template = None
        if kind == "topic":
            template = self._next_template(self.topic, TOPIC_SENTENCES[self.topic])
        elif kind == "generic":
            template = self._next_template("", GENERIC_SENTENCES)
        if template is not None:
            self.last_speaker = None
            return self.fill(template)
        if kind == "speech" or rng.random() < 0.3:
            return self._speech()
        self.last_speaker = None
        return self._statement(praise=(kind == "praise"))

    def _statement(self, praise: bool) -> str:
        rng = self.rng
        if rng.random() < 0.25:
            prefix = rng.choice(("vn", "la", "vn2", "la2"))
            subject, number, gender = self.slots[prefix + "_s"], "s", self.slots[prefix + "_g"]
        else:
            subject, number, gender = rng.choice(INF_SUBJECTS)
        verbs, objects = (PRAISE_VERBS, PRAISE_OBJECTS) if praise else (INF_VERBS, INF_OBJECTS)
        singular, plural = rng.choice(verbs)
        agreement = ("e" if gender == "f" else "") + ("s" if number == "p" else "")
        verb = (singular if number == "s" else plural).replace("§", agreement)
        opener = rng.choice(OPENERS) if rng.random() < 0.35 else ""
        complement = "" if praise else rng.choice(COMPLEMENTS)
        return self.fill(f"{opener}{subject} {verb} {rng.choice(objects)}{complement}.")

    def _speech(self) -> str:
        rng = self.rng
        prefix, gender = self._speaker()
        side = prefix[:2]
        clause = rng.choice(CLAUSES)
        while clause[2:3] == "|":
            if clause[:2] == side:
                clause = clause[3:]
            else:
                clause = rng.choice(CLAUSES)
        # In direct speech the speaker says "notre pays".
        quoted = clause.replace("son pays", "notre pays")
        quoted = quoted[:1].upper() + quoted[1:]
        if self.last_speaker == prefix and rng.random() < 0.7:
            pronoun = "elle" if gender == "f" else "il"
            text = f"« {quoted} », a-t-{pronoun} {rng.choice(SAY_AGAIN)}."
        else:
            who = self.slots[prefix + ("_n" if self.last_speaker == prefix else "_s")]
            form = rng.randrange(4)
            if form == 0:
                text = f"{who} {rng.choice(SAY)} que {clause}."
            elif form == 1:
                text = f"« {quoted} », {rng.choice(SAY_AFTER_QUOTE)} {who}."
            elif form == 2:
                text = f"Selon {who}, {clause}."
            else:
                e = "e" if gender == "f" else ""
                text = f"{who} s'est dit{e} convaincu{e} que {clause}."
        self.last_speaker = prefix
        return self.fill(text)

    def paragraph(self, sentences: int | None = None) -> list[str]:
        count = sentences or _weighted(self.rng, (1, 2, 3, 4), (10, 35, 35, 20))
        return [self.sentence() for _ in range(count)]

    # -- photos, captions, endings -----------------------------------------

    def photo_line(self, millis: int, photo_id: int) -> str:
        rng = self.rng
        pieces = list(rng.sample(PHOTO_WORDS[self.topic], 3))
        pieces.insert(1, fold(self.people[0]).lower())
        if rng.random() < 0.6:
            pieces.append(fold(self.people[1]).lower())
        slug = "".join(pieces).replace(" ", "").replace("-", "")
        if rng.random() < 0.8:
            slug = "vnapotal" + slug
        slug = slug[: rng.randint(40, 125)]
        extra = "".join(str(rng.randrange(10)) for _ in range(rng.choice((0, 3, 6, 9, 9, 10, 10))))
        return f"{slug}{photo_id} {millis}{extra}.jpg"

    def caption(self) -> str:
        rng = self.rng
        pool = CAPTIONS.get(self.topic, ()) if rng.random() < 0.4 else ()
        template = rng.choice(pool or CAPTIONS[""])
        return self.fill(template)

    def photo_block(self, with_file: bool, first_millis: int, first_id: int, nth: int) -> list[str]:
        rng = self.rng
        credit = rng.choice(CREDITS)
        if with_file:
            lines = [self.photo_line(first_millis + nth * rng.randint(1, 150), first_id + nth * rng.randint(1, 40))]
            kind = _weighted(rng, ("caption", "credit", "two_lines"), (60, 25, 15))
            if kind == "caption":
                lines.append(f"{self.caption()}. {credit}")
            elif kind == "credit":
                lines.append(credit)
            else:
                lines += [self.caption() + ".", credit]
            return lines
        kind = _weighted(rng, ("credit", "one_line", "two_lines", "parenthesis"), (35, 40, 20, 5))
        if kind == "credit":
            return ["Photo : VNA/CVN" if rng.random() < 0.7 else credit]
        if kind == "one_line":
            return [f"{self.caption()}. {credit}"]
        if kind == "two_lines":
            return [self.caption() + ".", credit]
        return [f"{self.caption()} ({credit})"]

    def source_url(self, title: str) -> str:
        rng = self.rng
        slug = re.sub(r"[^a-z0-9]+", "-", fold(_MARK.sub(r"\1", title)).lower()).strip("-")
        slug = slug[:80].rsplit("-", 1)[0] if len(slug) > 80 else slug
        vn_words = rng.sample(PHOTO_WORDS[self.topic], 2) + [fold(self.people[0]).lower()]
        vn_slug = re.sub(r"[^a-z0-9]+", "-", " ".join(vn_words)).strip("-")
        n = rng.randint(100000, 999999)
        site = _weighted(rng, SOURCE_SITES, _SOURCE_WEIGHTS)
        return {
            "vietnamplus": f"https://fr.vietnamplus.vn/{slug}-post{n}.vnp",
            "lecourrier": f"https://lecourrier.vn/{slug}/{n + 700000}.html",
            "vovworld": f"https://vovworld.vn/fr-FR/actualites/{slug}-{n + 1000000}.vov",
            "vov": f"https://vov.vn/chinh-tri/{vn_slug}-post{n + 900000}.vov",
            "vietnamnet": f"https://vietnamnet.vn/{vn_slug}-{n + 1800000}.html",
            "nhandan": f"https://fr.nhandan.vn/{slug}-post{n}.html",
            "qdnd": f"https://fr.qdnd.vn/politique/{slug}-{n}",
            "baoquocte": f"https://baoquocte.vn/{vn_slug}-{n // 3}.html",
            "dangcongsan": f"https://dangcongsan.vn/thoi-su/{vn_slug}-{n}.html",
        }[site]

    def ending(self, title: str) -> tuple[str | None, str]:
        rng = self.rng
        url = self.source_url(title)
        kind = _weighted(rng, ("source", "signoff", "none"), (45, 30, 25))
        if kind == "source":
            return (("Source : " if rng.random() < 0.93 else "Source: ") + url), url
        if kind == "signoff":
            return _weighted(rng, ("VNA/CVN", "VNA", "CVN"), (80, 12, 8)), url
        return None, url

    # -- the article -------------------------------------------------------

    def lead(self) -> list[str]:
        rng = self.rng
        first = self.fill(rng.choice(LEADS[self.topic]))
        if self.shape == "bare_dateline" or (self.shape in ("day_header", "month_header") and rng.random() < 0.12):
            city = self.slots["hostcity"]
            if city not in ("Vientiane", "Hô Chi Minh-Ville", "Hanoï", "Hanoi"):
                city = self.slots["hanoi"]
            dash = _weighted(rng, ("–", "-", "—"), (70, 25, 5))
            first = f"{city}, {_on(self.day)} (VNA) {dash} {first}"
        return [first] + self.paragraph(rng.choice((1, 1, 2)))

    def draft(self) -> _Draft:
        rng, shape = self.rng, self.shape
        title = self.fill(rng.choice(TITLES[self.topic]))
        header = None
        if shape == "day_header":
            header = self.day.isoformat()
        elif shape == "month_header":
            header = self.day.isoformat()[:7]
        ending, url = self.ending(title)

        # Photos of one article are uploaded together: close timestamps and ids.
        midnight = datetime(self.day.year, self.day.month, self.day.day, tzinfo=timezone.utc)
        first_millis = int(midnight.timestamp()) * 1000 + rng.randint(0, 17 * 3600 * 1000 - 1)
        first_id = 1_000_000 + (self.day - DATE_MIN).days * 1800 + rng.randint(0, 1500)
        with_files = shape == "bare_photo" or (shape in ("day_header", "month_header") and rng.random() < 0.3)
        n_photos = _weighted(rng, (0, 1, 2, 3, 4), (30, 35, 20, 10, 5))
        if shape == "bare_photo":
            n_photos = max(n_photos, 1)
        photos = [
            self.photo_block(with_files and (i == 0 or rng.random() < 0.8), first_millis, first_id, i)
            for i in range(n_photos)
        ]
        subheads = rng.sample(SUBHEADINGS[""] + SUBHEADINGS[self.topic], _weighted(rng, (0, 1, 2), (55, 30, 15)))
        related = [
            self.fill(rng.choice(TITLES[rng.choice(TOPICS)]))
            for _ in range(_weighted(rng, (0, 1, 2, 3), (72, 10, 10, 8)))
        ]

        body: list = []
        if photos and rng.random() < 0.12:  # a picture right under the header
            body.append(("lines", photos.pop(0)))
        body.append(("para", self.lead()))
        body.extend(("related", line) for line in dict.fromkeys(related))

        count = (words(f" date {header} {title}") if header else 0) + words(ending or "")
        count += sum(words(" ".join(v) if isinstance(v, list) else v) for _, v in body)
        target = int(rng.triangular(_LOW + 10, _HIGH - 10, 470))
        # Extras go between paragraphs; a bare_photo article must keep its photo.
        extras = [("lines", p) for p in photos] + [("sub", self.fill(s)) for s in subheads]
        rng.shuffle(extras)
        must = sum(words(" ".join(v)) for k, v in extras if k == "lines" and shape == "bare_photo")
        while count < target:
            if extras and rng.random() < 0.45:
                kind, value = extras[0]
                size = words(" ".join(value) if kind == "lines" else value)
                if count + size + must <= _HIGH:
                    extras.pop(0)
                    if kind == "lines" and shape == "bare_photo":
                        must -= size
                    body.append((kind, value))
                    count += size
            paragraph = self.paragraph()
            size = words(" ".join(paragraph))
            if count + size + must > _HIGH:
                paragraph = self.paragraph(1)
                size = words(" ".join(paragraph))
                if count + size + must > _HIGH:
                    break
            body.append(("para", paragraph))
            count += size
        while body and body[-1][0] == "sub":  # a subheading never ends an article
            count -= words(body.pop()[1])
        body.extend(e for e in extras if e[0] == "lines" and shape == "bare_photo")

        names = _weighted(rng, ("full", "ascii", "partial"), (68, 24, 8))
        apostrophe = _weighted(rng, ("straight", "curly", "mixed"), (55, 25, 20))
        style = _Style(
            names=names,
            apostrophe=apostrophe,
            mixed=tuple(rng.random() < 0.5 for _ in range(64)),
            separator=_weighted(rng, ("\n\n", "\n"), (85, 15)),
            trailing=rng.choice(("", "\n", "\n\n")),
            glitch=rng.randrange(len(body)) if rng.random() < 0.04 else -1,
        )
        return _Draft(self.index, shape, self.topic, self.day, header, title, body, ending, style, url)


# ---------------------------------------------------------------- rendering


def _print_names(text: str, style: str) -> str:
    if style == "full":
        return text.replace("⟦", "").replace("⟧", "")
    if style == "ascii":
        return _MARK.sub(lambda m: fold(m.group(1)), text)
    return _MARK.sub(lambda m: _fold_last(m.group(1)), text)


def _styled(text: str, style: _Style, block: int) -> str:
    text = _print_names(text, style.names)
    if style.apostrophe == "curly" or (style.apostrophe == "mixed" and style.mixed[block % 64]):
        text = text.replace("'", "’")
    return text


def render(draft: _Draft) -> str:
    style = draft.style
    parts = []
    for i, (kind, value) in enumerate(draft.body):
        if kind == "para":
            text = " ".join(value)
            if i == style.glitch and len(value) > 1:  # "région.Elles", as in a real seed
                text = value[0] + " ".join(value[1:])
        elif kind == "lines":
            text = "\n".join(value)
        elif kind == "related":
            text = ">> " + value
        else:
            text = value
        parts.append(_styled(text, style, i))
    if draft.ending:
        parts.append(draft.ending)
    text = style.separator.join(parts)
    if draft.header:
        text = f" date {draft.header} {_styled(draft.title, style, 63)}\n\n" + text
    return text + style.trailing


def _reword(rng: random.Random, body: list) -> tuple[list, int]:
    """Reword two to four sentences; returns the new body and how many were changed."""
    places = [(i, j) for i, (kind, value) in enumerate(body) if kind == "para" for j in range(len(value))]
    rng.shuffle(places)
    wanted, changed = rng.randint(2, 4), 0
    body = [(kind, list(value) if kind == "para" else value) for kind, value in body]
    for i, j in places:
        sentence = body[i][1][j]
        options = [(old, new) for old, new in REWORDINGS if old in sentence]
        if not options:
            continue
        old, new = rng.choice(options)
        body[i][1][j] = _polish(sentence.replace(old, new, 1))
        changed += 1
        if changed == wanted:
            break
    return body, changed


def _near_copy(rng: random.Random, original: _Draft, index: int, writer: _Writer) -> tuple[_Draft, str]:
    """A near-copy of *original*: truncated, reworded, or both, sometimes with another ending."""
    kind = _weighted(rng, ("truncated", "reworded", "both"), (40, 40, 20))
    body = list(original.body)
    if kind in ("truncated", "both"):
        total = words(render(original))
        keep_at_least = max(_LOW + 5, int(total * rng.uniform(0.6, 0.9)))
        fixed = total - sum(words(" ".join(v) if isinstance(v, list) else v) for _, v in body)
        kept, count = [], fixed
        for kind_, value in body:
            if count >= keep_at_least and kind_ == "para":
                break
            kept.append((kind_, value))
            count += words(" ".join(value) if isinstance(value, list) else value)
        while kept and kept[-1][0] == "sub":
            kept.pop()
        if len(kept) == len(body):  # too short to cut: reword instead
            kind = "reworded"
        body = kept
    if kind in ("reworded", "both"):
        body, changed = _reword(rng, body)
        if not changed:  # nothing to reword: add a closing sentence
            body.append(("para", [writer.sentence()]))
    ending = original.ending
    if rng.random() < 0.4:
        ending, _ = writer.ending(original.title)
    copy = replace(
        original,
        index=index,
        body=body,
        ending=ending,
        style=replace(original.style, trailing=rng.choice(("", "\n", "\n\n"))),
    )
    return copy, kind


def _pick_copies(n: int, seed: int | str, fraction: float) -> dict[int, int]:
    """{copy index: original index}; originals are earlier articles that are not copies."""
    count = min(round(n * fraction), max(n - 1, 0))
    if count <= 0:
        return {}
    rng = random.Random(f"chronique.synth:{seed}:copies:{n}:{fraction!r}")
    copies = sorted(rng.sample(range(1, n), count))
    chosen = dict.fromkeys(copies)
    originals: dict[int, int] = {}
    for index in copies:
        candidates = [i for i in range(index) if i not in chosen] if index < 64 else None
        if candidates is None:
            while True:  # cheap rejection sampling for large corpora
                pick = rng.randrange(index)
                if pick not in chosen:
                    break
        else:
            pick = rng.choice(candidates)
        originals[index] = pick
    return originals


def _precision(draft: _Draft) -> str:
    return "month" if draft.shape == "month_header" else "day"


def generate(n: int, seed: int | str = 0, duplicates: float = 0.02) -> Iterator[SynthArticle]:
    """Yield the N articles of the corpus, in file-name order."""
    if not 0 <= duplicates <= 1:
        raise ValueError(f"duplicates must be a fraction between 0 and 1, not {duplicates}")
    copies = _pick_copies(n, seed, duplicates)
    needed = dict.fromkeys(copies.values())
    kept: dict[int, tuple[_Draft, tuple[str, ...]]] = {}
    for index in range(n):
        writer = _Writer(index, seed)
        if index in copies:
            original, people = kept[copies[index]]
            draft, kind = _near_copy(writer.rng, original, index, writer)
            text = render(draft)
            yield SynthArticle(
                file_name(index),
                text,
                draft.day,
                _precision(draft),
                draft.shape,
                draft.topic,
                file_name(copies[index]),
                kind,
                people,
            )
            continue
        draft = writer.draft()
        people = tuple(dict.fromkeys(writer.people))
        if index in needed:
            kept[index] = (draft, people)
        yield SynthArticle(
            file_name(index), render(draft), draft.day, _precision(draft), draft.shape, draft.topic, None, None, people
        )


def write_corpus(
    n: int, out: Path, seed: int | str = 0, duplicates: float = 0.02, truth: Path | None = None
) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    truth_lines = []
    for article in generate(n, seed, duplicates):
        path = out / article.name
        with open(path, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(article.text)
        paths.append(path)
        if truth is not None:
            truth_lines.append(json.dumps(article.truth(), ensure_ascii=False, sort_keys=True))
    if truth is not None:
        truth.parent.mkdir(parents=True, exist_ok=True)
        truth.write_text("".join(line + "\n" for line in truth_lines), encoding="utf-8")
    return paths


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m chronique.synth", description="Write a synthetic corpus of articles shaped like seeds/."
    )
    parser.add_argument("n", type=int, metavar="N", help="number of articles")
    parser.add_argument("out", type=Path, metavar="OUT", help="folder to write synth_NNNNNN.txt into")
    parser.add_argument("--seed", default="0", help="any integer or word; the same seed gives the same files")
    parser.add_argument(
        "--duplicates",
        type=float,
        default=0.02,
        metavar="FRACTION",
        help="fraction of articles that are near-copies of another (default 0.02)",
    )
    parser.add_argument(
        "--truth", type=Path, metavar="FILE", help="also write what was generated, one JSON line per article"
    )
    args = parser.parse_args(argv)
    if args.n < 0:
        parser.error("N must be zero or more")
    if not 0 <= args.duplicates <= 1:
        parser.error("--duplicates must be between 0 and 1")
    seed: int | str = int(args.seed) if args.seed.lstrip("-").isdigit() else args.seed
    write_corpus(args.n, args.out, seed, args.duplicates, args.truth)
    stale = args.out / file_name(args.n)
    if stale.exists():
        print(f"{args.out}: note: {stale.name} and later files come from an earlier, larger run", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
