"""Quality floors that may only rise, each just under the figure measured when it was set
(written beside it; docs/quality.md has the history). The seeds' floor is in
test_e2e_seeds.py, ACLED's in test_acled.py, tolls' and places' in test_toll_place_floors.py.

- PLOVER types on the shared gold sentences (all 322);
- event F1 on our own example articles and on the second to fifth independent sets
  of wire-style articles (tests/golden), scored by the shared scorer;
- MUC-4 incidents on a fixed sample (the first 100 dev articles; the benchmark runs all
  1,300);
- WikiEvents argument F1 (all 20 dev documents).
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from sitroom.commands import reported
from sitroom.intake import read_articles
from sitroom.options import Options
from sitroom.pipeline import Analyzer

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "benchmarks"))
import muc4_eval  # noqa: E402
import wikievents_eval  # noqa: E402
from plover_eval import evaluate as plover  # noqa: E402

# Measured 0.752 in the twelfth stop, with the actors of 1980-2019 (0.748, 241/322, after the
# tenth stop's rules when the floor was 0.74; 0.745 when the floor was 0.735, 0.733 when it
# was 0.72, 0.711 when it was 0.70, 0.702 when it was 0.69; 0.668 at the merge of the issue
# 13-21 branches).
PLOVER_FLOOR = 0.745  # 0.748 at the twenty-fifth stop's end: the floor stays (one sentence above it)
# Measured 0.809 (P 0.728, R 0.909) on the ten example articles in the thirteenth stop (0.804
# when the floor was 0.795; 0.790 when the floor was 0.78, 0.764 when it was 0.75, 0.754 when it was 0.74, 0.715
# when it was 0.70).
# 0.846 (P 0.780) after the twenty-second stop's rules, when the floor was raised from 0.80.
# 0.874 (P 0.806) after the twenty-seventh stop's rules, when the floor was raised from 0.82.
EXAMPLES_F1_FLOOR = 0.85
# Measured 0.849 (P 0.831, R 0.869; 0.840 when the floor was set) on the twelve articles written without looking at
# sitroom's output (tests/golden/wire_*), at the commit that set it (0.816 when the floor
# was 0.805, 0.808 when it was 0.79, 0.770 when it was 0.76, 0.736 when it was 0.72, 0.677
# before).
# 0.878 (P 0.832) after the twenty-first stop's rules, when the floor was raised from 0.83.
# 0.900 (P 0.848) after the twenty-second stop's rules, when the floor was raised from 0.85.
WIRE_F1_FLOOR = 0.87
# Measured 0.711 (P 0.687, R 0.737) on the ten articles of the third set, written blind in
# other decades and conflicts (tests/golden/wire3_*), after the thirteenth stop's rules (0.693,
# after the twelfth stop's, which its errors led to, when the floor was 0.67; 0.541 when the floor was 0.52, its first figure after two gold fixes; its very
# first figure was 0.511; tests/golden/README.md says why); 0.738 (P 0.719, R 0.758) after the
# fourteenth stop's rules, when the floor was raised from 0.69; 0.743 (P 0.729, R 0.758) after
# the fifteenth stop's, when it was raised from 0.70; 0.757 (P 0.729, R 0.788) after the
# sixteenth stop's, when it was raised from 0.71; 0.763 (P 0.731, R 0.798) after the seventeenth
# stop's, when it was raised from 0.72.
# 0.804 (P 0.763) after the nineteenth stop's rules, when the floor was raised from 0.74.
# 0.828 (P 0.791) after the twentieth stop's rules, when the floor was raised from 0.78.
# 0.837 (P 0.798) after the twenty-first stop's rules, when the floor was raised from 0.80.
WIRE3_F1_FLOOR = 0.81
# Its background paragraphs coded as news (6 at its first measure): a ceiling that may only fall.
WIRE3_BACKGROUND_CEILING = 2
# Measured 0.534 (P 0.528, R 0.541, 60/111) on the ten articles of the fourth set, written
# and committed blind (tests/golden/wire4_*) and kept blind: its very first figure, at the
# commit that set it (branched from main at f0dc0c0); still unread, 0.559 (P 0.568, R 0.550)
# after the fourteenth stop's rules, found on other sets, when the floor was raised from 0.50.
# 0.583 (P 0.590, R 0.577), still unread after the eighteenth stop's rules, when the floor was raised from 0.52.
# 0.603 (P 0.612) after the twentieth stop's rules, when the floor was raised from 0.55.
# 0.606 (P 0.617), still unread, after the twenty-first stop's rules, when the floor was raised from 0.58.
# 0.617 (P 0.632), still unread, after the twenty-fourth stop's rules, when the floor was raised from 0.59.
# 0.638 (P 0.655), still unread, after the twenty-seventh stop's rules, when the floor was raised from 0.60.
WIRE4_F1_FLOOR = 0.62
# Its background paragraphs coded as news at that commit: a ceiling that may only fall.
WIRE4_BACKGROUND_CEILING = 0
# Measured 0.630 (P 0.594, R 0.670, 63/94) on the ten articles of the fifth set, written and
# committed blind (tests/golden/wire5_*) in other decades and conflicts, at the commit that set
# it (the code of main at 70831fb; its very first figure, before one gold fix, was 0.624;
# tests/golden/README.md says why); 0.673 (P 0.637, R 0.713) after the thirteenth stop's rules,
# which its errors partly led to, when the floor was raised from 0.60; 0.703 (P 0.694, R 0.713)
# after the fourteenth stop's, when it was raised from 0.65; 0.714 (P 0.705, R 0.723) after the
# seventeenth stop's, when it was raised from 0.67.
# 0.752 (P 0.738, R 0.766) after the eighteenth stop's rules, when the floor was raised from 0.69.
# 0.764 (P 0.742) after the nineteenth stop's rules, when the floor was raised from 0.73.
# 0.783 (P 0.750) after the twentieth stop's rules, when the floor was raised from 0.74.
# 0.813 (P 0.770) after the twenty-first stop's rules, when the floor was raised from 0.76.
# 0.826 (P 0.784) after the twenty-second stop's rules, when the floor was raised from 0.79.
WIRE5_F1_FLOOR = 0.80
# Its background paragraphs coded as news at that commit: a ceiling that may only fall.
WIRE5_BACKGROUND_CEILING = 1
# Measured 0.589 (P 0.572, R 0.607, 74/122) on the ten articles of the sixth set, written and
# committed blind (tests/golden/wire6_*) in other decades and conflicts, at the commit that set
# it (the code of main at 8a9377f; no gold line changed since; tests/golden/README.md); 0.641
# (P 0.613, R 0.672) after the thirteenth stop's rules, which its errors led to, when the floor
# was raised from 0.55; 0.689 (P 0.674, R 0.705) after the fourteenth stop's, when it was
# raised from 0.62; 0.698 (P 0.684, R 0.713) after the fifteenth stop's, when it was raised
# from 0.65; 0.725 (P 0.713, R 0.738) after the sixteenth stop's, when it was raised from 0.66;
# 0.752 (P 0.743, R 0.762) after the seventeenth stop's, when it was raised from 0.69.
# 0.789 (P 0.783, R 0.795) after the eighteenth stop's rules, when the floor was raised from 0.72.
# 0.805 (P 0.799) after the nineteenth stop's rules, when the floor was raised from 0.76.
# 0.827 (P 0.810) after the twentieth stop's rules, when the floor was raised from 0.78.
# 0.851 (P 0.826) after the twenty-first stop's rules, when the floor was raised from 0.80.
# 0.861 (P 0.846) after the twenty-second stop's rules, when the floor was raised from 0.83.
WIRE6_F1_FLOOR = 0.84
# Its background paragraphs coded as news (3 at that commit, 1 after the fourteenth stop): a
# ceiling that may only fall.
WIRE6_BACKGROUND_CEILING = 1
# Measured 0.623 (P 0.653, R 0.597, 71/119) on the ten articles of the seventh set, written
# and committed blind (tests/golden/wire7_*) in other decades and conflicts and kept blind: its
# very first figure, at the commit that set it (the code of main at 8a9377f); still unread,
# 0.655 (P 0.693, R 0.622) after the fourteenth stop's rules, when the floor was raised from 0.59.
# 0.672 (P 0.709) after the twentieth stop's rules, when the floor was raised from 0.62.
# 0.677 (P 0.710) after the twenty-third stop's rules, still unread, when the floor was raised from 0.64.
# 0.688 (P 0.714) after the twenty-fourth stop's rules, still unread, when the floor was raised from 0.65.
WIRE7_F1_FLOOR = 0.66
# Its background paragraphs coded as news at that commit: a ceiling that may only fall.
WIRE7_BACKGROUND_CEILING = 0
# Measured 0.572 (P 0.579, R 0.566, 69/122) on the ten articles of the eighth set, written
# and committed blind (tests/golden/wire8_*) in other decades and conflicts and kept blind: its
# very first figure, at the commit that set it (the code of main at cbd4ebf; the same after its
# one gold fix, tests/golden/README.md).
# 0.609 (P 0.611, R 0.607), still unread after the eighteenth stop's rules, when the floor was raised from 0.54.
# 0.629, still unread, after the nineteenth stop's rules, when the floor was raised from 0.58.
# 0.636 (P 0.633) after the twentieth stop's rules, when the floor was raised from 0.60.
# 0.644 (P 0.640), still unread, after the twenty-first stop's rules, when the floor was raised from 0.61.
# 0.671 (P 0.662), still blind, at the twenty-fifth stop's end (0c72e77), when the floor was raised from 0.62.
WIRE8_F1_FLOOR = 0.65
# Its background paragraphs coded as news at that commit: a ceiling that may only fall.
WIRE8_BACKGROUND_CEILING = 0
# Measured 0.635 (P 0.679, R 0.595, 78/131) on the ten articles of the ninth set, written and
# committed blind (tests/golden/wire9_*) in other decades and conflicts, at the commit that set
# it (the code of main at cbd4ebf; its very first figure, the same after one gold fix of an
# optional line; tests/golden/README.md says why); 0.771 (P 0.813, R 0.733) after the
# fourteenth stop's rules, which its errors led to, when the floor was raised from 0.60.
# 0.806 after the nineteenth stop's rules, when the floor was raised from 0.74.
# 0.818 (P 0.843) after the twentieth stop's rules, when the floor was raised from 0.78.
# 0.836 (P 0.847) after the twenty-first stop's rules, when the floor was raised from 0.79.
WIRE9_F1_FLOOR = 0.81
# Its background paragraphs coded as news at that commit: a ceiling that may only fall.
WIRE9_BACKGROUND_CEILING = 0
# Measured 0.627 (P 0.656, R 0.600, 69/115) on the ten articles of the tenth set, written and
# committed blind (tests/golden/wire10_*) in other decades and conflicts and kept blind: its
# very first figure, at the commit that set it (the code of main at fac68f7; no gold line
# changed since; tests/golden/README.md).
# 0.652, still unread, after the nineteenth stop's rules, when the floor was raised from 0.59.
# 0.657 (P 0.682) after the twentieth stop's rules, when the floor was raised from 0.62.
# 0.669 (P 0.687), still unread, after the twenty-second stop's rules, when the floor was raised from 0.63.
# 0.672 (P 0.694) after the twenty-third stop's rules, still unread, when the floor was raised from 0.64.
# 0.696 (P 0.706), still blind, at the twenty-fifth stop's end (0c72e77), when the floor was raised from 0.65.
# 0.729 (P 0.737), still blind, at the twenty-sixth stop's end (bed52cd), when the floor was raised from 0.67.
WIRE10_F1_FLOOR = 0.70
# Its background paragraphs coded as news at that commit: a ceiling that may only fall.
WIRE10_BACKGROUND_CEILING = 0
# Measured 0.650 (P 0.728, R 0.588, 77/131) on the ten articles of the eleventh set, written and
# committed blind (tests/golden/wire11_*) in other decades and conflicts, at the commit that set
# it (the code of main at e4528bb; its very first figure, before one gold fix, was 0.640;
# tests/golden/README.md says why); 0.698 (P 0.755, R 0.649) after the fifteenth stop's rules,
# which its errors led to, when the floor was raised from 0.62.
# 0.735 (P 0.781, R 0.695) after the eighteenth stop's rules, when the floor was raised from 0.66.
# 0.748 after the nineteenth stop's rules, when the floor was raised from 0.71.
# 0.774 (P 0.801) after the twentieth stop's rules, when the floor was raised from 0.72.
# 0.812 (P 0.830) after the twenty-first stop's rules, when the floor was raised from 0.75.
# 0.833 (P 0.841), at the twenty-sixth stop's end (bed52cd), when the floor was raised from 0.79.
WIRE11_F1_FLOOR = 0.80
# Its background paragraphs coded as news at that commit: a ceiling that may only fall.
WIRE11_BACKGROUND_CEILING = 1
# Measured 0.649 (P 0.720, R 0.590, 69/117) on the ten articles of the twelfth set, written
# and committed blind (tests/golden/wire12_*) in other decades and conflicts and kept blind: its
# very first figure, at the commit that set it (the code of main at e4528bb; no gold line
# changed since; tests/golden/README.md).
# 0.661, still unread, after the nineteenth stop's rules, when the floor was raised from 0.61.
# 0.663 (P 0.731) after the twentieth stop's rules, when the floor was raised from 0.63.
# 0.672 (P 0.739) after the twenty-third stop's rules, still unread, when the floor was raised from 0.64.
# 0.694 (P 0.769), still blind, at the twenty-sixth stop's end (bed52cd), when the floor was raised from 0.65.
WIRE12_F1_FLOOR = 0.67
# Its background paragraphs coded as news at that commit: a ceiling that may only fall.
# 0 after the twentieth stop (h55: background named by its time marked historical).
WIRE12_BACKGROUND_CEILING = 0
# Measured 0.579 (P 0.660, R 0.516, 82/159) on the ten articles of the thirteenth set, written
# and committed blind (tests/golden/wire13_*) in other years and conflicts, at the commit that set
# it (the code of main at e86a9b1; its very first figure, no gold line changed;
# tests/golden/README.md); 0.672 (P 0.722, R 0.629) after the fifteenth stop's rules, which its
# errors led to, when the floor was raised from 0.54.
# 0.694 (P 0.732, R 0.660) after the eighteenth stop's rules, when the floor was raised from 0.64.
# 0.762 (P 0.782) after the nineteenth stop's rules, when the floor was raised from 0.67.
# 0.792 (P 0.812) after the twentieth stop's rules, when the floor was raised from 0.74.
# 0.817 (P 0.836) after the twenty-first stop's rules, when the floor was raised from 0.77.
# 0.825 (P 0.846) after the twenty-second stop's rules, when the floor was raised from 0.79.
# 0.835 (P 0.853) after the twenty-third stop's rules, when the floor was raised from 0.80.
# 0.856 (P 0.864) after the twenty-seventh stop's rules, when the floor was raised from 0.81.
WIRE13_F1_FLOOR = 0.83
# Its background paragraphs coded as news at that commit: a ceiling that may only fall.
# 0 after the twentieth stop (h55: background named by its time marked historical).
WIRE13_BACKGROUND_CEILING = 0
# Measured 0.575 (P 0.636, R 0.525, 73/139) on the ten articles of the fourteenth set, written
# and committed blind (tests/golden/wire14_*) in other years and conflicts, at the commit that set
# it (the code of main at 4d13615; its very first figure, before one gold fix, which gives 0.583,
# P 0.643, R 0.532, 74/139; tests/golden/README.md says why).
# 0.728 (P 0.779) after the twenty-second stop's rules, which its errors led to, when the floor
# was raised from 0.54.
# 0.748 (P 0.796) after the twenty-third stop's rules, when the floor was raised from 0.70.
# 0.755 (P 0.803) after the twenty-fourth stop's rules, when the floor was raised from 0.72.
# 0.783 (P 0.821) after the twenty-seventh stop's rules, when the floor was raised from 0.73.
WIRE14_F1_FLOOR = 0.76
# Its background paragraphs coded as news at that commit: a ceiling that may only fall.
WIRE14_BACKGROUND_CEILING = 0
# Measured 0.630 (P 0.710, R 0.566, 81/143) on the ten articles of the fifteenth set, written
# and committed blind (tests/golden/wire15_*) in other decades and conflicts and kept blind: its
# very first figure, at the commit that set it (d8dccbb, the code of main at 4d13615; no gold line
# changed; tests/golden/README.md).
# 0.642 (P 0.728), still unread, after the twenty-second stop's later rules, when the floor was
# raised from 0.60.
# 0.654 (P 0.737) after the twenty-third stop's rules, still unread, when the floor was raised from 0.61.
# 0.676 (P 0.750) after the twenty-fourth stop's rules, still unread, when the floor was raised from 0.63.
# 0.685 (P 0.763), still blind, at the twenty-fifth stop's end (0c72e77), when the floor was raised from 0.65.
# 0.693 (P 0.770), still unread, after the twenty-seventh stop's rules, when the floor was raised from 0.66.
WIRE15_F1_FLOOR = 0.67
# Its background paragraphs coded as news at that commit: a ceiling that may only fall.
WIRE15_BACKGROUND_CEILING = 0
# Measured 0.627 (P 0.713, R 0.559, 76/136) on the ten articles of the sixteenth set, written
# and committed blind (tests/golden/wire16_*) in other decades and conflicts: its very first
# figure, at the commit that set it (8344dfc, the code of main at bb61105; no gold line changed;
# tests/golden/README.md).
# 0.634 (P 0.721), still unread, after the rules merged after it was written (h68, h69), when
# the floor was raised from 0.59.
# 0.743 (P 0.803) after the twenty-third stop's rules, read from this stop, when the floor was raised from 0.60.
# 0.780 (P 0.830) after the twenty-seventh stop's rules, when the floor was raised from 0.71.
WIRE16_F1_FLOOR = 0.75
# Its background paragraphs coded as news at that commit: a ceiling that may only fall.
WIRE16_BACKGROUND_CEILING = 0
# Measured 0.716 (P 0.738, R 0.695, 82/118) on the ten articles of the seventeenth set, written
# and committed blind (tests/golden/wire17_*) in other decades and conflicts: its very first
# figure, at the commit that set it (ebe8457, the code of main at 17acc3b; no gold line changed;
# tests/golden/README.md).
# 0.810 (P 0.807) after the twenty-fourth stop's rules, read from this stop, when the floor was raised from 0.68.
# 0.821 at the twenty-fifth stop's end (0c72e77), when the floor was raised from 0.78.
WIRE17_F1_FLOOR = 0.80
# Its background paragraphs coded as news at that commit: a ceiling that may only fall.
WIRE17_BACKGROUND_CEILING = 0
# Measured 0.624 (P 0.625, R 0.624, 78/125) on the ten articles of the eighteenth set, written
# and committed blind (tests/golden/wire18_*) in other decades and conflicts and kept blind: its
# very first figure, at the commit that set it (9defbb4, the code of main at 17acc3b; no gold line
# changed; tests/golden/README.md).
# 0.642 (P 0.635), still blind, at the twenty-fifth stop's end (0c72e77), when the floor was raised from 0.59.
# Read from the twenty-sixth stop on (0.642 at its start): no longer blind.
# 0.797 (P 0.765), at the twenty-sixth stop's end (bed52cd), when the floor was raised from 0.62.
# 0.815 (P 0.785) after the twenty-seventh stop's rules, when the floor was raised from 0.77.
WIRE18_F1_FLOOR = 0.79
# Its background paragraphs coded as news at that commit: a ceiling that may only fall.
WIRE18_BACKGROUND_CEILING = 0
# Measured 0.661 (P 0.667, R 0.656, 84/128) on the ten articles of the nineteenth set, written
# and committed blind (tests/golden/wire19_*) in other decades and conflicts: its very first
# figure, at the commit that set it (56129ff, the code of main at 121e066; no gold line changed;
# tests/golden/README.md).
# 0.687 (P 0.686), still unread, after the twenty-fourth stop's later rules, when the floor was raised from 0.63.
# 0.767 (P 0.761), read from the twenty-fifth stop, at its end (0c72e77), when the floor was raised from 0.65.
WIRE19_F1_FLOOR = 0.74
# Its background paragraphs coded as news at that commit: a ceiling that may only fall.
WIRE19_BACKGROUND_CEILING = 0
# Measured 0.527 (P 0.588, R 0.477, 62/130) on the ten articles of the twentieth set, written
# and committed blind (tests/golden/wire20_*) in other decades and conflicts: its very first
# figure, at the commit that set it (8b48a2d, the code of main at a63b1c9; no gold line changed;
# tests/golden/README.md).
# 0.551 (P 0.612), still blind, at the twenty-sixth stop's end (bed52cd), when the floor was raised from 0.49.
WIRE20_F1_FLOOR = 0.52
# Its background paragraphs coded as news at that commit: a ceiling that may only fall.
WIRE20_BACKGROUND_CEILING = 1
# Measured 0.570 (P 0.606, R 0.538, 70/130) on the ten articles of the twenty-first set, written
# and committed blind (tests/golden/wire21_*) in other decades and conflicts: its very first
# figure, at the commit that set it (b2e08b5, the code of main at ffb06f1; no gold line changed;
# tests/golden/README.md).
# 0.614 (P 0.656), still unread, after the twenty-seventh stop's rules, when the floor was raised from 0.54.
WIRE21_F1_FLOOR = 0.59
# Its background paragraphs coded as news at that commit: a ceiling that may only fall.
WIRE21_BACKGROUND_CEILING = 0
MUC4_SAMPLE = 100
# Measured on the first 100 MUC-4 dev articles in the twelfth stop: found 53/60 (88.3%), in
# the template's country 72/87 (82.8%), quiet 24/40 (60.0%); at ecc1697: incident found
# 51/60 (85.0%), in the template's country 70/87 (80.5%), quiet 24/40 (60.0%) (quiet 23/40 when the floor
# was 0.55, 21/40 when it was 0.50, 19/40 when it was 0.45; 45/60, 63/87, 16/40 before);
# after the sixteenth stop's rules 52/60 (86.7%), 72/87 (82.8%), quiet 26/40 (65.0%), when the
# quiet floor was raised from 0.575; after the seventeenth stop's rules 52/60, 72/87, quiet 27/40
# (67.5%), when the quiet floor was raised from 0.625 and the floors of the figures that stop
# added were set: perpetrator 30/72 (41.7%), target 30/87 (34.5%), date 29/46 (63.0%).
MUC4_FLOORS = {"found_share": 0.86, "country_share": 0.80, "quiet_share": 0.65,
               "perpetrator_share": 0.40, "target_share": 0.33, "date_share": 0.60}
# Measured F1 on WikiEvents dev in the twelfth stop: attacker 0.368, victim 0.393, target
# 0.217, place 0.279 (0.313 / 0.393 / 0.213 / 0.276 when the floors were 0.31 / 0.39 / 0.21 /
# 0.27; target 0.208 when its floor was 0.205; place 0.269 when its floor was 0.265; 0.308 / 0.388 / 0.200 / 0.263
# when the floors were 0.30 / 0.38 / 0.195 / 0.26; 0.287 / 0.374 / 0.196 / 0.263 at b66615f).
# Place 0.279 -> 0.266 in the thirteenth stop, the one floor ever lowered, and why: two rules
# of that stop make one event of what was two in one sentence (issue 13 lists "one sentence
# gives the same event twice" as a defect): a toll told with the act that caused it ("was
# shattered by an explosion ..., killing 168"), and a label set after an act's name ("called
# the attack an act of terror"). The measure counts one predicted place per event, so each
# such merge is one right prediction fewer; no gold place argument is found less (10 of 36
# before and after). Attacker rose in the same stop, 0.368 -> 0.381.
# Place 0.269 -> 0.260 in the twentieth stop, lowered for the same reason, the second time:
# a head of state who called an explosion an attack had been made the explosion's doer, and that
# act, merged with the Strasbourg attack, gave a second right "Strasbourg" for one gold place;
# an act judged by a verb of naming is now the act told before (rules.label_of_object). Gold
# place arguments found: 10 of 36 before and after; predicted 46 -> 45, right 12 -> 11.
# Attacker 0.388 -> 0.395 and target 0.217 -> 0.227 in the same stop.
# Victim 0.393 -> 0.409 in the twenty-first stop (the noun a past participle describes is its
# patient: "a Japanese engineer seized by insurgents"), target 0.227 -> 0.222 in the same change
# (one participle's patient that is no gold target); victim's floor raised from 0.39.
WIKIEVENTS_FLOORS = {"attacker": 0.39, "victim": 0.40, "target": 0.22, "place": 0.255}

pytestmark = pytest.mark.slow


def jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_plover_types(analyzer):
    rows = jsonl(SHARED / "dev" / "plover_gsr.jsonl")
    result = plover(rows, analyzer)
    assert result["sentences"] == len(rows) > 300
    assert result["top_type_accuracy"] >= PLOVER_FLOOR, result


def scored(analyzer: Analyzer, articles: Path, gold: Path, tmp_path: Path) -> dict:
    """Our articles through the pipeline (what `sitroom extract` gives), scored by the shared scorer."""
    read = list(read_articles([str(articles)], Options()))
    events = [e for analysis in analyzer.analyze_many(read) for e in reported(analysis.events, Options())]
    assert events
    pred = tmp_path / "pred.jsonl"
    pred.write_text("".join(json.dumps(e.to_dict()) + "\n" for e in events), encoding="utf-8")
    done = subprocess.run([sys.executable, str(SHARED / "tools" / "score_events.py"), "--gold", str(gold),
                           "--pred", str(pred), "--json"], capture_output=True, text=True, check=True, timeout=60)
    return json.loads(done.stdout)


def test_example_articles(analyzer, tmp_path):
    result = scored(analyzer, ROOT / "examples" / "articles.jsonl", ROOT / "tests" / "golden" / "examples.gold.jsonl",
                    tmp_path)
    assert result["negative_violations"] == 0, result
    assert result["f1"] >= EXAMPLES_F1_FLOOR, result


# The wire-style sets written blind: (name, fewer required gold events than this means the
# gold was lost, background coded as news at most, F1 floor).
WIRE_SETS = [
    ("wire", 90, 0, WIRE_F1_FLOOR),
    ("wire3", 90, WIRE3_BACKGROUND_CEILING, WIRE3_F1_FLOOR),
    ("wire4", 100, WIRE4_BACKGROUND_CEILING, WIRE4_F1_FLOOR),
    ("wire5", 85, WIRE5_BACKGROUND_CEILING, WIRE5_F1_FLOOR),
    ("wire6", 115, WIRE6_BACKGROUND_CEILING, WIRE6_F1_FLOOR),
    ("wire7", 110, WIRE7_BACKGROUND_CEILING, WIRE7_F1_FLOOR),
    ("wire8", 115, WIRE8_BACKGROUND_CEILING, WIRE8_F1_FLOOR),
    ("wire9", 125, WIRE9_BACKGROUND_CEILING, WIRE9_F1_FLOOR),
    ("wire10", 110, WIRE10_BACKGROUND_CEILING, WIRE10_F1_FLOOR),
    ("wire11", 125, WIRE11_BACKGROUND_CEILING, WIRE11_F1_FLOOR),
    ("wire12", 112, WIRE12_BACKGROUND_CEILING, WIRE12_F1_FLOOR),
    ("wire13", 154, WIRE13_BACKGROUND_CEILING, WIRE13_F1_FLOOR),
    ("wire14", 134, WIRE14_BACKGROUND_CEILING, WIRE14_F1_FLOOR),
    ("wire15", 138, WIRE15_BACKGROUND_CEILING, WIRE15_F1_FLOOR),
    ("wire16", 131, WIRE16_BACKGROUND_CEILING, WIRE16_F1_FLOOR),
    ("wire17", 113, WIRE17_BACKGROUND_CEILING, WIRE17_F1_FLOOR),
    ("wire18", 120, WIRE18_BACKGROUND_CEILING, WIRE18_F1_FLOOR),
    ("wire19", 123, WIRE19_BACKGROUND_CEILING, WIRE19_F1_FLOOR),
    ("wire20", 125, WIRE20_BACKGROUND_CEILING, WIRE20_F1_FLOOR),
    ("wire21", 125, WIRE21_BACKGROUND_CEILING, WIRE21_F1_FLOOR),
]


@pytest.mark.parametrize("name,required,background,floor", WIRE_SETS, ids=[s[0] for s in WIRE_SETS])
def test_wire_articles_written_blind(analyzer, tmp_path, name, required, background, floor):
    result = scored(analyzer, ROOT / "tests" / "golden" / f"{name}_articles.jsonl",
                    ROOT / "tests" / "golden" / f"{name}.gold.jsonl", tmp_path)
    assert result["gold_required"] > required
    assert result["negative_violations"] <= background, result
    assert result["f1"] >= floor, result


def test_muc4_incidents_on_a_fixed_sample(analyzer):
    rows = muc4_eval.read_rows(SHARED / "dev" / "muc4_dev.jsonl", MUC4_SAMPLE)
    result = muc4_eval.evaluate(rows, analyzer)
    assert result["relevant"] > 40 and result["irrelevant"] > 30 and result["templates"] > 60
    for name, floor in MUC4_FLOORS.items():
        assert result[name] >= floor, (name, result[name], floor)


def test_wikievents_arguments(analyzer):
    result = wikievents_eval.evaluate(jsonl(SHARED / "dev" / "wikievents_dev.jsonl"), analyzer)
    for role, floor in WIKIEVENTS_FLOORS.items():
        assert result["roles"][role]["f1"] >= floor, (role, result["roles"][role], floor)


def test_the_muc4_measure_reads_role_only_codes_as_people_not_states():
    # "CVL" (civilians), "MED" (reporters) and "GOV" of no named country are three letters
    # long like a country's code, but an attack on them is no attack on a state
    assert not any(muc4_eval.is_state(code) for code in ("CVL", "MED", "GOV", "UAF", "IGO"))
    assert all(muc4_eval.is_state(code) for code in ("SLV", "COL", "USA"))
