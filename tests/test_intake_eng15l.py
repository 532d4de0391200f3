"""Engineer 15l's intake rules for the role, the company and the people in a story.

Every story is written for this file.
"""

from __future__ import annotations

from amends.dates.zones import parse_instant
from amends.intake import read_story

LONDON_MON = ("2026-11-23T10:40:00+00:00", "Europe/London")  # Monday 23 November


def read(text: str, now: str = LONDON_MON[0], my_tz: str = LONDON_MON[1]) -> dict[str, str]:
    return read_story(text, parse_instant(now), my_tz).fields


def test_a_role_whose_head_word_comes_first_is_read_in_its_own_language() -> None:
    got = read("Bus broke down. Interview at 11 with Huerta Frutal, puesto: jefe de compras.")
    assert got["role"] == "Jefe de Compras"
    got = read(
        "train cancelled, interview 14:00 at Elbkran AG, die Stelle ist Sachbearbeiter Lager."
    )
    assert got["role"] == "Sachbearbeiter Lager"
    assert read("missed my 10am at Banco Oriol for analista tributario")["role"] == (
        "Analista Tributario"
    )


def test_short_and_trade_job_words_end_a_role() -> None:
    assert read("interview 2pm Pellow Dental, Truro. dental tech. overslept")["role"] == (
        "Dental Tech"
    )
    assert read("missed 9am at Harrow Farms, farm hand. car wouldnt start")["role"] == "Farm Hand"
    assert read("overslept, 10am interview at Quill & Co, office asst.")["role"] == "Office Asst"


def test_a_grade_after_the_head_word_keeps_the_role() -> None:
    assert read("the role is marketing analyst jr, interview at 3 with Tovana")["role"] == (
        "Marketing Analyst Jr"
    )


def test_a_company_ending_in_a_short_job_word_stays_the_company() -> None:
    got = read("I missed my 10am video interview with Brindle Tech for the QA engineer role.")
    assert got["company"] == "Brindle Tech"
    assert got["role"].lower() == "qa engineer"


def test_hr_and_a_job_word_is_a_role_but_an_hr_coordinator_is_a_person() -> None:
    assert read("interview 2pm at Ostara Foods, HR generalist role. sick")["role"] == (
        "HR generalist"
    )
    got = read("The HR coordinator at Fennel Group booked my interview for 9am, I'm ill.")
    assert "role" not in got


def test_a_job_label_in_another_language_is_no_word_of_the_role() -> None:
    got = read("missed my interview at 2pm at Casa Nobre (vaga de analista de dados), sorry")
    assert got["role"].lower() == "analista de dados"
    assert read("missed the 10am call with Rio Claro. puesto: jefe de ventas.")["role"] == (
        "Jefe de Ventas"
    )


def test_a_sentence_that_is_one_trade_word_is_the_role_but_a_general_word_is_not() -> None:
    got = read(
        "Bus stuck. Interview 9am at Marlow & Finch, 12 Cheapside. Bookkeeper. Will be late."
    )
    assert got["role"] == "Bookkeeper"
    assert "role" not in read("Bus stuck. Interview 9am at Marlow & Finch. Manager. Will be late.")


def test_a_line_cook_is_a_role_and_a_line_manager_is_not() -> None:
    assert (
        read("overslept, missed my 9am interview at a cafe downtown, line cook.")["role"]
        == "Line Cook"
    )
    assert "role" not in read("overslept, missed my 9am interview at Acme, line manager. sorry")


def test_courtesy_titles_of_more_languages_are_dropped_from_the_interviewer() -> None:
    got = read("I missed my 10am interview at Vltava Optics. It was to be led by Ing. Petr Dvorak.")
    assert got["interviewer"] == "Petr Dvorak"
    got = read("Missed my 9am interview at Sava Bank, the interviewer was Gospodin Milan Ilic.")
    assert got["interviewer"] == "Milan Ilic"
    got = read("Missed my 9am interview at Wisla Tech, the interviewer was Pan Taras Hnat.")
    assert got["interviewer"] == "Taras Hnat"


def test_a_company_written_in_capitals_like_a_title_is_still_the_company() -> None:
    got = read("I had a video interview with ING yesterday at 16:00 for the risk analyst role.")
    assert got["company"] == "ING"
    assert "interviewer" not in got


def test_a_grade_or_job_word_after_a_recruiter_word_is_no_name() -> None:
    got = read(
        "My interview with Atlas Conseil is Thursday 10:00 for the Consultant Senior post, "
        "with M. Youssef Amrani. Contact: recrutement@atlas.example"
    )
    assert "recruiter" not in got
    got = read(
        "Video interview Thursday 10:00 for the analyst role at Cordillera. Contact: Ines "
        "Fuentes, Talent Acquisition Lead, ines.fuentes@cordillera.example"
    )
    assert got.get("recruiter") != "Lead"


def test_a_firm_written_where_the_recruiters_name_stands_is_no_recruiter() -> None:
    got = read(
        "Missed my 10am interview at Acme for the analyst role. Recruiter: Hartwell Recruiting"
    )
    assert "recruiter" not in got
    got = read("Missed my interview at 9 with Marks & Spencer, the recruiter is Bramley Staffing")
    assert "recruiter" not in got


def test_an_employer_named_after_a_person_is_never_the_interviewer() -> None:
    got = read("flu. interview 9.30 today, phone, w/ John Lewis. buying assistant. cant talk.")
    assert "interviewer" not in got
    assert read("flu. interview 9.30 today, phone, w/ John Lowe. cant talk.")["interviewer"] == (
        "John Lowe"
    )
