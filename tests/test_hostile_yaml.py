"""Size and shape bombs in the editors' YAML (sidecars and seeds/aliases.yml), and
aliases.yml of the wrong shape.

The bombs are built in a subprocess under a memory cap: a loader that unfolded them
would fail there. Each must be refused with a message naming the file and what to do,
while every innocent article is built. aliases.yml of the wrong shape is refused
whole, with one message per entry, never read half-way into a silent rename.
"""

from __future__ import annotations

import pytest
import yaml

from chronique import bounded_yaml
from chronique.aliases import AliasError, load_aliases, load_editors_aliases
from chronique.model import ERROR
from tests.hostile_helpers import INNOCENT_IDS, build, build_under_memory_cap, write_innocent


def laughs(levels: int = 9, width: int = 9) -> str:
    """The "billion laughs": each level an anchored list of `width` aliases to the level
    below; nine levels of nine are 9**9 = 387 million items once unfolded."""
    lines = ["a0: &a0 [" + ", ".join(["lol"] * width) + "]"]
    for level in range(1, levels):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


def nested(depth: int) -> str:
    return "title: " + "[" * depth + "x" + "]" * depth + "\n"


def nested_blocks(depth: int) -> str:
    return "".join(f"{'  ' * level}k{level}:\n" for level in range(depth)) + f"{'  ' * depth}x\n"


def merges(levels: int = 8, width: int = 9) -> str:
    """The same with merge keys (<<), which PyYAML flattens recursively."""
    lines = ["m0: &m0 {k: lol}"]
    for level in range(1, levels):
        lines.append(f"m{level}: &m{level} {{<<: [" + ", ".join([f"*m{level - 1}"] * width) + f"], k{level}: x}}")
    return "\n".join(lines) + "\n"


BOMBS = {
    # name: (text, part of the message)
    "alias_bomb": (laughs(), "plus de 20 alias YAML"),
    "alias_bomb_as_people": ("people: &p [" + ", ".join(["Tô Lâm"] * 50) + "]\ntags: [*p, *p, *p]\n", None),
    "nested_flow_lists_ten_thousand_deep": (nested(10_000), "plus de 20 niveaux d'imbrication"),
    "nested_mappings_six_hundred_deep": (nested_blocks(600), "plus de 20 niveaux d'imbrication"),
    "list_holding_itself": ("people: &p [a, *p]\n", "à l'intérieur de la valeur qu'il désigne"),
    "merge_key_bomb": (merges(), "plus de 20 alias YAML"),
}


@pytest.mark.parametrize("name", sorted(BOMBS))
def test_yaml_bombs_are_refused_by_the_loader(name):
    text, message = BOMBS[name]
    try:
        data = bounded_yaml.load(text)
    except yaml.YAMLError as error:
        assert message is None or message in bounded_yaml.describe(error)
        assert text.splitlines()[0][:30] not in bounded_yaml.describe(error)  # the message never quotes the file
        return
    assert message is None, f"{name} was loaded"
    assert len(repr(data)) < 10_000


def test_bombs_in_sidecars_and_aliases_yml_are_refused_under_a_memory_cap(tmp_path):
    seeds = write_innocent(tmp_path / "seeds")
    article = " date 2025-06-01 Un article et son fichier de correction\n\nLe port sec de Thanaleng grandit.\n"
    refused = {name: message for name, (_, message) in BOMBS.items() if message}
    for name in refused:
        (seeds / f"{name}.txt").write_text(article, encoding="utf-8")
        (seeds / f"{name}.yml").write_text(BOMBS[name][0], encoding="utf-8")
    (seeds / "aliases.yml").write_text("people:\n" + "".join(f"  {line}\n" for line in laughs().splitlines()))

    status, problems, built, stderr = build_under_memory_cap(seeds, tmp_path / "docs", megabytes=1024)

    assert status == 0, stderr[-3000:]
    assert set(built) == INNOCENT_IDS | set(refused)  # each article builds from its text
    for name, message in refused.items():
        found = [p for p in problems if p[0] == f"{name}.yml"]
        assert [(p[1], p[2]) for p in found] == [(ERROR, "sidecar")], problems
        assert "YAML invalide" in found[0][3] and message in found[0][3] and "corrigez-le" in found[0][3]
    aliases = [p for p in problems if p[0] == "aliases.yml"]
    assert [(p[1], p[2]) for p in aliases] == [(ERROR, "aliases")]
    assert "plus de 20 alias YAML" in aliases[0][3] and "n'est pas utilisé" in aliases[0][3]


@pytest.mark.parametrize(
    "text, key, lines",
    [
        ("title: Un titre\ndate: 2025-06-01\ntitle: Un autre titre\n", "title", (1, 3)),
        ("people: [Tô Lâm]\ntags: [diplomatie]\npeople: [Thongloun]\n", "people", (1, 3)),
    ],
    ids=["title_twice", "people_twice"],
)
def test_a_key_written_twice_in_a_sidecar_is_reported_with_its_lines(text, key, lines, tmp_path):
    seeds = write_innocent(tmp_path / "seeds")
    (seeds / "innocent_rail.yml").write_text(text, encoding="utf-8")
    result = build(seeds, tmp_path / "docs")
    found = [p for p in result.problems if p.file == "innocent_rail.yml"]
    assert [(p.severity, p.field) for p in found] == [(ERROR, "sidecar")]
    assert (
        f"la clé « {key} » est écrite deux fois (lignes {lines[0]} et {lines[1]}) : gardez-en une" in found[0].message
    )
    assert set(result.site.by_id) == INNOCENT_IDS
    assert result.site.by_id["innocent_rail"].article.title == "La ligne ferroviaire avance vers Vientiane"


@pytest.mark.parametrize(
    "text, reason",
    [
        ("date: !!timestamp x\n", "valeur impossible à lire (une valeur étiquetée (!!…) mal formée)"),
        ("date: !!timestamp 2026-13-45\n", "valeur impossible à lire (month must be in 1..12)"),
        ("title: !!int " + "9" * 5000 + "\n", "valeur impossible à lire (Exceeds the limit"),
        ("title: !!python/object:os.system x\n", "une étiquette (!!…) inconnue"),
    ],
    ids=["timestamp_not_a_date", "timestamp_month_13", "int_of_5000_digits", "python_object"],
)
def test_a_sidecar_value_the_yaml_library_cannot_make_is_reported_and_the_build_goes_on(text, reason, tmp_path):
    seeds = write_innocent(tmp_path / "seeds")
    (seeds / "innocent_rail.yml").write_text(text, encoding="utf-8")
    result = build(seeds, tmp_path / "docs")
    found = [p for p in result.problems if p.file == "innocent_rail.yml"]
    assert [(p.severity, p.field) for p in found] == [(ERROR, "sidecar")]
    assert "YAML invalide" in found[0].message and reason in found[0].message
    assert set(result.site.by_id) == INNOCENT_IDS


# -- aliases.yml of the wrong shape ---------------------------------------------------------
ALIAS_SHAPES = [
    # (id, file, the messages expected, one per entry)
    (
        "text_where_a_list_is_expected",
        "people:\n  Tô Lâm: To Lam\n",
        ["people : « Tô Lâm » : ses variantes doivent être une liste ([To Lam]), pas un texte"],
    ),
    (
        "list_inside_the_list",
        "people:\n  Tô Lâm: [[To Lam, SG Tô Lâm]]\n",
        ["people : « Tô Lâm » : ses variantes doivent être une liste de noms, sans liste dans la liste"],
    ),
    (
        "cycle_a_b_a",
        "places:\n  Hanoï: [Ha Noi City]\n  Ha Noi City: [Hanoï]\n",
        [
            "places : « Hanoï » a pour variante « Ha Noi City », qui est elle-même un nom de la liste",
            "places : « Ha Noi City » a pour variante « Hanoï », qui est elle-même un nom de la liste",
        ],
    ),
    (
        "name_is_its_own_variant",
        "people:\n  Thongloun: [Thongloun]\n",
        ["people : « Thongloun » est sa propre variante"],
    ),
    (
        "one_variant_for_two_names",
        "organizations:\n  Agence A: [AA]\n  Agence B: [AA]\n",
        ["organizations : « Agence B » : la variante « AA » est déjà celle de « Agence A »"],
    ),
    ("ignore_not_a_list", "ignore: Un nom\n", ["« ignore » doit être une liste de noms"]),
    (
        "kind_not_a_mapping",
        "people: [Tô Lâm, To Lam]\n",
        ["« people » doit associer un nom à la liste de ses variantes"],
    ),
    ("unknown_key", "persons:\n  Tô Lâm: [To Lam]\n", ["clé inconnue « persons »"]),
    ("not_a_mapping", "- Tô Lâm\n- To Lam\n", ["attendu : une table aux clés people, organizations, places, ignore"]),
    ("duplicate_name", "people:\n  Tô Lâm: [To Lam]\n  Tô Lâm: [Lam]\n", ["la clé « Tô Lâm » est écrite deux fois"]),
    ("not_utf8", "people:\n  T\xf4 L\xe2m: []\n".encode("cp1252"), ["pas en UTF-8 (octet 0xf4 à l'offset 11)"]),
]


@pytest.mark.parametrize("text, messages", [case[1:] for case in ALIAS_SHAPES], ids=[case[0] for case in ALIAS_SHAPES])
def test_aliases_yml_of_the_wrong_shape_is_refused_entry_by_entry(text, messages, tmp_path):
    seeds = write_innocent(tmp_path / "seeds")
    (seeds / "aliases.yml").write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    aliases, problems = load_editors_aliases(seeds)
    assert aliases is None  # not used at all: half a file would rename silently
    assert [(p.file, p.severity, p.field) for p in problems] == [("aliases.yml", ERROR, "aliases")] * len(messages)
    for problem, message in zip(problems, messages, strict=True):
        assert message in problem.message and "corrigez-le" in problem.message
        assert str(tmp_path) not in problem.message


def test_a_bad_aliases_yml_is_reported_by_the_build_and_every_article_built(tmp_path):
    seeds = write_innocent(tmp_path / "seeds")
    (seeds / "aliases.yml").write_text("people:\n  Tô Lâm: To Lam\n  Thongloun: [Thongloun]\n", encoding="utf-8")
    result = build(seeds, tmp_path / "docs")
    found = [p for p in result.problems if p.file == "aliases.yml"]
    assert len(found) == 2 and all(p.severity == ERROR and p.field == "aliases" for p in found)
    assert set(result.site.by_id) == INNOCENT_IDS
    assert str(tmp_path) not in result.files["data/articles.json"]


def test_a_sound_aliases_yml_is_used(tmp_path):
    seeds = write_innocent(tmp_path / "seeds")
    (seeds / "aliases.yml").write_text(
        "people:\n  Tô Lâm: [To Lam, SG Tô Lâm]\n  Bùi Thanh Sơn: [Bui Thanh Son, Bùi Thanh Son]\nignore: []\n",
        encoding="utf-8",
    )
    aliases, problems = load_editors_aliases(seeds)
    assert problems == []
    assert aliases["people"]["Tô Lâm"] == ["To Lam", "SG Tô Lâm"]


def test_the_projects_aliases_file_is_sound_and_a_bad_one_names_the_file_only(tmp_path):
    from tests.conftest import ROOT

    assert load_aliases(ROOT / "data" / "aliases.yml")["places"]["Hanoï"][0] == "Hanoi"
    bad = tmp_path / "aliases.yml"
    bad.write_text("people:\n  Tô Lâm: To Lam\n", encoding="utf-8")
    with pytest.raises(AliasError, match=r"^aliases.yml : people : « Tô Lâm »") as error:
        load_aliases(bad)
    assert str(tmp_path) not in str(error.value)


@pytest.mark.parametrize(
    "text, said",
    [
        (
            "title: Le Laos: un pays\nsource: VNA: CVN\n",
            "un « : » de trop (mettez entre guillemets une valeur qui en contient) à la ligne 1",
        ),
        ("people:\n\t- Tô Lâm\n", "une tabulation (indentez avec des espaces) à la ligne 2, colonne 1"),
        ('title: "Un titre\n', "un guillemet jamais fermé"),
        ("people: [Tô Lâm, Thongloun\n", "un crochet [ jamais fermé"),
        ("title: @VNA\n", "une valeur qui commence par un caractère réservé (mettez-la entre guillemets)"),
    ],
    ids=["colon_in_a_value", "tab", "open_quote", "open_bracket", "reserved_first_character"],
)
def test_a_yaml_mistake_is_said_in_french_with_its_line_and_never_quotes_the_file(text, said, tmp_path):
    seeds = write_innocent(tmp_path / "seeds")
    (seeds / "innocent_rail.yml").write_text(text, encoding="utf-8")
    result = build(seeds, tmp_path / "docs")
    found = [p for p in result.problems if p.file == "innocent_rail.yml"]
    assert len(found) == 1 and said in found[0].message
    assert "Tô Lâm" not in found[0].message and "Le Laos" not in found[0].message
