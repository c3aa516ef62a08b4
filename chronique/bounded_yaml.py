"""YAML read with bounds: the one loader for the editors' files (sidecars, seeds/aliases.yml).

PyYAML's SafeLoader runs no code, but it follows any number of aliases (a "billion
laughs" file of a few hundred bytes unfolds into billions of items once walked),
recurses once per level of nesting (ten thousand `[` end in a RecursionError), and
keeps the last of two equal keys without a word. Here each of these is an error
that says what to do; the editors' files need none of them.
"""

from __future__ import annotations

import yaml

MAX_ALIASES = 20  # an editor's file has no reason for more; a bomb needs far more
MAX_DEPTH = 20  # a sidecar is two levels deep, aliases.yml three


class YamlLimitError(yaml.YAMLError):
    """The file goes past a bound, or repeats a key; the message is for the editor."""

    def __init__(self, message: str, mark=None):
        super().__init__(message)
        self.message, self.mark = message, mark

    def __str__(self) -> str:
        return self.message


class BoundedLoader(yaml.SafeLoader):
    """SafeLoader with at most MAX_ALIASES aliases, MAX_DEPTH levels of nesting, no alias
    to a node that holds it (a list that contains itself), and no key twice in a mapping."""

    def __init__(self, stream):
        super().__init__(stream)
        self._aliases = 0
        self._depth = 0
        self._open: set[str] = set()  # anchors whose node is still being composed

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            self._aliases += 1
            if self._aliases > MAX_ALIASES:
                raise YamlLimitError(
                    f"plus de {MAX_ALIASES} alias YAML (*nom) : écrivez les valeurs sans alias", event.start_mark
                )
            if event.anchor in self._open:
                raise YamlLimitError(
                    f"l'alias *{event.anchor} est à l'intérieur de la valeur qu'il désigne : écrivez la valeur sans alias",
                    event.start_mark,
                )
            return super().compose_node(parent, index)
        event = self.peek_event()
        nested = self.check_event(yaml.SequenceStartEvent, yaml.MappingStartEvent)
        if nested:
            self._depth += 1
            if self._depth > MAX_DEPTH:
                raise YamlLimitError(
                    f"plus de {MAX_DEPTH} niveaux d'imbrication : écrivez une liste de noms, pas des listes de listes",
                    event.start_mark,
                )
        if event.anchor is not None:
            self._open.add(event.anchor)
        try:
            return super().compose_node(parent, index)
        finally:
            self._open.discard(event.anchor)
            if nested:
                self._depth -= 1

    def construct_mapping(self, node, deep=False):
        if isinstance(node, yaml.MappingNode):
            seen = {}
            for key_node, _ in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    continue
                key = self.construct_object(key_node, deep=True)
                try:
                    first = seen.setdefault(key, key_node)
                except TypeError:  # an unhashable key: PyYAML says so below
                    continue
                if first is not key_node:
                    raise YamlLimitError(
                        f"la clé « {key} » est écrite deux fois (lignes {first.start_mark.line + 1} et "
                        f"{key_node.start_mark.line + 1}) : gardez-en une"
                    )
        return super().construct_mapping(node, deep=deep)


def load(text: str, loader: type[BoundedLoader] = BoundedLoader):
    """The document in `text`; raises yaml.YAMLError only (a YamlLimitError past a bound).
    PyYAML lets a constructor's own error through (`!!timestamp 2026-13-45` raises
    ValueError, `!!timestamp x` AttributeError, `!!int` of 5,000 digits ValueError): it
    becomes a YAMLError saying what it was."""
    try:
        return yaml.load(text, Loader=loader)
    except yaml.YAMLError:
        raise
    except Exception as error:  # noqa: BLE001 (any constructor's error, on any editor's text)
        # a ValueError says what is wrong with the value; anything else is PyYAML's own trouble
        explained = isinstance(error, (ValueError, OverflowError)) and str(error)
        reason = str(error).splitlines()[0] if explained else "une valeur étiquetée (!!…) mal formée"
        raise YamlLimitError(f"valeur impossible à lire ({reason})") from None


# PyYAML's commonest complaints, said to an editor (the others are shown as PyYAML words them)
_SAID = (
    ("mapping values are not allowed here", "un « : » de trop (mettez entre guillemets une valeur qui en contient)"),
    ("found character '\\t'", "une tabulation (indentez avec des espaces)"),
    ("found unexpected end of stream", "un guillemet jamais fermé"),
    ("expected ',' or ']'", "un crochet [ jamais fermé"),
    ("expected ',' or '}'", "une accolade { jamais fermée"),
    ("expected <block end>", "une indentation qui ne suit pas celle des lignes précédentes"),
    ("found undefined alias", "un alias (*nom) sans ancre (&nom)"),
    ("could not determine a constructor for the tag", "une étiquette (!!…) inconnue"),
    ("found unhashable key", "une clé qui est une liste ou une table"),
    ("that cannot start any token", "une valeur qui commence par un caractère réservé (mettez-la entre guillemets)"),
)


def describe(error: Exception) -> str:
    """What is wrong and where, without quoting the file: PyYAML's own message shows the
    offending line, which must not travel into a report or data/articles.json."""
    if isinstance(error, YamlLimitError):
        where = f" (ligne {error.mark.line + 1})" if error.mark is not None else ""
        return f"{error.message}{where}"
    if isinstance(error, yaml.MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        where = f" à la ligne {mark.line + 1}, colonne {mark.column + 1}" if mark is not None else ""
        problem = error.problem or error.context or "erreur de syntaxe"
        said = next((french for english, french in _SAID if english in problem), problem)
        return f"{said}{where}"
    if isinstance(error, UnicodeDecodeError):
        return f"pas en UTF-8 (octet 0x{error.object[error.start]:02x} à l'offset {error.start})"
    return type(error).__name__
