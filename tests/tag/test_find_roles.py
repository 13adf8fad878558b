"""ROLE finder alone: titles with modifiers and commissions, boundaries, plurals and membership words."""
import pytest

from pipeline.tag.find_roles import find_roles
from tests.tag.finder_helpers import run_finder


def roles(text, taken=()):
    return [t for lab, t in run_finder(find_roles, text, taken) if lab == "ROLE"]


@pytest.mark.parametrize("text,expected", [
    ("معاون فنی و عمرانی و خدمات شهری استانداری سمنان گفت",
     ["معاون فنی و عمرانی و خدمات شهری"]),
    ("رئیس کمیسیون عمران شورا گفت", ["رئیس کمیسیون عمران"]),
    ("مدیرعامل سازمان بازیافت گفت", ["مدیرعامل"]),                # stops before the ORG head
    ("نایب رئیس شورا گفت", ["نایب رئیس شورا"]),                  # lost ZWNJ written as a space
    ("نايب رييس اتحاديه گفت", ["نايب رييس"]),                    # Arabic ي
    ("مدیرکل امور اجتماعی و فرهنگی گفت", ["مدیرکل امور اجتماعی و فرهنگی"]),  # joined plural
    ("اعضای شورای شهر با استاندار دیدار کردند", ["اعضای شورای شهر", "استاندار"]),
])
def test_roles(text, expected):
    assert roles(text) == expected


@pytest.mark.parametrize("text", [
    "این طرح با شهرداران بررسی شد",       # a bare plural names people in general
    "پل و زیر گذر ساخته شد",              # «و زیر» is not «وزیر»
    "او عضو است",                        # membership without a body
    "اتحادیه شهرداران تشکیل شد",          # a role word right after an ORG head names the ORG
])
def test_not_roles(text):
    assert roles(text) == []


def test_role_stops_before_a_place_already_found():
    assert roles("شهردار منطقه ۴ تبریز گفت", taken=[("LOC", "منطقه ۴ تبریز")]) == ["شهردار"]


def test_council_role_leaves_a_named_council_to_the_org():
    # «رئیس شورای شهر تهران»: the council is named by the place after it
    assert roles("رئیس شورای شهر تهران گفت", taken=[("LOC", "تهران")]) == ["رئیس"]
