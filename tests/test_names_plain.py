"""A plain name is read without ``nameparser``, exactly as ``nameparser`` reads it.

Two or three capitalised words that ``nameparser`` has no rule for (no title,
suffix, particle, conjunction, Roman numeral or patronymic ending among them)
are given, middle and family name in order; everything else is parsed by
``nameparser`` itself. These tests hold the plain reading to ``nameparser`` on
thousands of real given names and family names, in every order.
"""

from __future__ import annotations

import random
import tomllib
from importlib import resources

import pytest

from amends.plan import names
from amends.plan.names import _parsed, _plain, parse_name

GIVEN = sorted(
    {
        n.title()
        for n in tomllib.loads(
            resources.files("amends.data").joinpath("intake.toml").read_text("utf-8")
        )["names"]["given"]
    }
)
_FAMILY_NAMES = """Smith Jones Williams Brown Taylor Davies Evans Wilson Thomas Roberts Johnson Lee
Patel Shah Khan Singh Kumar Sharma Gupta Nguyen Tran Pham Garcia Martinez Rodriguez Lopez
Hernandez Gonzalez Perez Sanchez Kim Park Choi Chen Wang Zhang Liu Yang Huang Zhao Wu Zhou
Tanaka Suzuki Sato Watanabe Ito Yamamoto Nakamura Kobayashi Okafor Adeyemi Mensah Okonkwo
Mwangi Ivanov Petrov Sidorov Smirnov Kowalski Nowak Wisniewski Muller Schmidt Schneider Fischer
Weber Meyer Wagner Becker Rossi Russo Ferrari Esposito Bianchi Romano Dubois Martin Bernard
Moreau Laurent Silva Santos Oliveira Souza Costa Pereira Jensen Nielsen Hansen Andersen
Johansson Karlsson Nilsson Larsen Jonsson Jonsdottir Ivanova Petrovich Ivanovna Hasanoglu
Whitfield Moore Ortiz Murphy Kelly Walsh Byrne Ryan Obrien Macdonald Mcdonald Mackenzie
Campbell Stewart Robertson Thompson White Harris Clark Lewis Young Walker Hall Allen King Wright
Scott Green Baker Adams Nelson Hill Mitchell Carter Turner Phillips Parker Edwards Collins
Cohen Levi Friedman Ali Ahmed Hassan Hussein Ibrahim Yilmaz Kaya Demir Celik Sahin Ozturk"""
FAMILY = _FAMILY_NAMES.split()


def _cases(count: int, seed: str) -> list[str]:
    rng = random.Random(seed)
    words = GIVEN + FAMILY
    cases = [f"{g} {f}" for g in GIVEN[::6] for f in FAMILY[::3]]  # every given name sampled
    cases += [f"{f} {g}" for f in FAMILY for g in rng.sample(GIVEN, 8)]  # family name first
    cases += [" ".join(rng.sample(words, 2)) for _ in range(count)]
    cases += [" ".join(rng.sample(words, 3)) for _ in range(count)]
    return cases


def test_plain_names_read_exactly_as_nameparser_reads_them() -> None:
    taken = 0
    for name in _cases(600, "plain-names"):
        plain = _plain(name)
        if plain is not None:
            taken += 1
            assert plain == _parsed(name), name
    assert taken > 1500  # most real names need no parser


@pytest.mark.parametrize("name", ["Dana Lee", "Sam Patel", "Ruth Okafor", "Maria Jose Garcia"])
def test_common_names_take_the_plain_reading(name: str) -> None:
    assert _plain(name) is not None
    assert parse_name(name) == _parsed(name)


@pytest.mark.parametrize(
    "name",
    ["Dr. Ruth Okafor", "King Charles", "Nguyen Van An", "Dana Vi", "Amen Ra", "Dana Lee Jr",
     "Sidorov Ivan Petrovich", "Ross Mcdonald", "J Smith", "DANA LEE", "Léa Martin", "Dana",
     "Ana de la Cruz", "Smith, Dana", "Dana 'Dee' Lee", "Dana Lee Smith Jones"],
)  # fmt: skip
def test_names_with_anything_nameparser_has_a_rule_for_go_to_nameparser(name: str) -> None:
    assert _plain(name) is None
    assert parse_name(name) == _parsed(name)


def test_the_vocabulary_is_kept_per_nameparser_version() -> None:
    names._special.cache_clear()
    known, patterns = names._special()
    assert {"dr", "jr", "van", "king"} <= known
    assert patterns
    names._special.cache_clear()
    assert names._special()[0] == known  # read back from the cache folder
