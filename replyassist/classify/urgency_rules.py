"""Urgency signals that do not depend on the statistical model.

A missed critical message is the worst failure of the product, so danger to
life and existential emergencies are recognised by explicit rules as well and
always win over the model. Each rule that fires adds a human-readable reason
(shown to agents as ``reasons``); rules only ever *raise* urgency.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

URGENCY_ORDER = {"low": 0, "normal": 1, "high": 2, "critical": 3}


_SENTENCE = re.compile(r"[^.!?\n]+")


@dataclass(frozen=True)
class UrgencyRule:
    """Fires when ``pattern`` matches, or when every pattern of ``together`` matches one sentence."""

    name: str
    minimum: str
    pattern: re.Pattern[str] | None
    reason: str
    together: tuple[re.Pattern[str], ...] = ()

    def matches(self, text: str) -> bool:
        if self.pattern is not None and self.pattern.search(text):
            return True
        if self.together:
            return any(
                all(p.search(sentence) for p in self.together)
                for sentence in _SENTENCE.findall(text)
            )
        return False


def _rx(*parts: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in parts), re.IGNORECASE)


# Patterns are written for colloquial German with or without umlauts.
DEFAULT_RULES: tuple[UrgencyRule, ...] = (
    UrgencyRule(
        "suicidal",
        "critical",
        _rx(
            r"\b(suizid\w*|selbstmord\w*|umbringen|das leben nehmen|mir was antun|mir etwas antun)",
            r"nicht mehr (leben|weiterleben|da sein|aufwachen)",
            r"(will|möchte|moechte|mag|kann) (einfach |echt |wirklich )?(so )?nicht mehr\s*(?:[.!,…]|$|leben)",
            r"(kein(en)?|ohne) (sinn|ausweg) mehr",
            r"sehe keinen (sinn|ausweg)",
            r"lebensmüde|lebensmuede|(alles|allem|meinem leben) ein ende (machen|setzen)",
            r"(besser|lieber),? (ich wär|ich wäre|ich waer|wenn ich) (einfach |gar )?"
            r"(weg|tot|nicht mehr da)",
            r"\b(will|möchte|moechte|würde am liebsten) (einfach )?sterben",
            r"\bam liebsten (tot|weg|nicht mehr da)\b",
            r"\b(mich|mir) (umbringen|das leben nehmen|was antun|etwas antun|aufhängen)",
            r"\b(kill myself|end my life|suicid\w*|don'?t want to live|want to die)\b",
            r"\b(schluss machen|nicht mehr aufwachen|alle tabletten|abschiedsbrief\w*|"
            r"suizidgedanken|todessehnsucht)\b",
            r"\b(mir|mich) (was|etwas) (anzutun|antun)",
            r"\b(ge)?ritz(t|e|en)?\b.{0,30}\b(wieder|arm|mich)\b|\bmich\b.{0,25}\b(ge)?ritz(t|en)?\b",
            r"\btabletten\b.{0,40}\b(gesammelt|sammle|sammeln|gehortet|horte|schlucken)\b",
            r"ohne mich (besser|leichter) dran",
            r"\b(allen|euch|jedem|meiner familie) (nur )?(zur|eine) last\b",
            r"\b(das alles|alles|es) (beenden|für immer aufhört|fuer immer aufhoert)",
            r"\bdass alles aufhört\b.{0,20}\bfür immer|\bfür immer\b.{0,20}\baufhör",
            r"\bvon der brücke|\bvon der bruecke|\bspringen\b.*\b(brücke|bruecke|dach)",
        ),
        "Suizidale Äußerung: sofort an Menschen übergeben",
    ),
    UrgencyRule(
        "medical_emergency",
        "critical",
        _rx(
            r"\b(notarzt|notaufnahme|rettungswagen|krankenwagen|intensivstation)\b",
            r"\bnotfall\b",
            r"\b(bewusstlos|atemnot|kriege keine luft|bekomme keine luft|kaum luft|keine luft mehr|"
            r"herzinfarkt|schlaganfall|brustschmerz\w*|krampfanfall|ohnmächtig|ohnmaechtig|"
            r"zusammengebrochen|überdosis|ueberdosis|blutet stark|starke blutung)\b",
            r"\b(wollen|will) (mich|uns|ihn|sie|mein kind|meinen sohn|meine tochter) "
            r"(wegschicken|nicht behandeln)",
            r"\b(lebensgefahr|lebensbedrohlich)\w*",
        ),
        "Akuter medizinischer Notfall genannt",
    ),
    UrgencyRule(
        "existential_money",
        "critical",
        _rx(
            r"kein(e|en)? (geld|cent|euro) mehr (für|fuer|fürs|fuers) "
            r"(miete|essen|lebensmittel|strom|die kinder|windeln)",
            r"(kann|können|koennen) (die |meine |unsere )?(miete|essen|lebensmittel|strom) "
            r"nicht (mehr )?(zahlen|bezahlen|kaufen)",
            r"\b(kühlschrank|kuehlschrank) (ist )?leer",
            r"(fliege|fliegen|flieg|werde|werden) (ich |wir )?(aus der wohnung|raus\b|"
            r"rausgeschmissen|obdachlos|auf der straße|auf der strasse)",
            r"\b(miet\w*lastschrift|mietzahlung|miete)\b.{0,60}\b(zurück|zurueck|geplatzt|"
            r"nicht (mehr )?(zahlen|bezahlen|überweisen|ueberweisen))",
            r"\b(räumungsklage|raeumungsklage|zwangsräumung|zwangsraeumung|kontopfändung|"
            r"kontopfaendung|konto gepfändet|konto gepfaendet)\b",
            r"nichts (mehr )?zu essen",
            r"wovon soll(en)? (ich|wir) (denn )?(jetzt )?(die |meine |unsere )?"
            r"(miete|essen|lebensmittel|strom|einkäufe|einkaeufe) (zahlen|bezahlen|kaufen)",
            r"\bno money (left )?for (food|rent)|can'?t (pay|afford) (the |my )?(rent|food)",
        ),
        "Existenzielle Notlage: Geld für Miete oder Essen fehlt",
    ),
    UrgencyRule(
        "treatment_imminent",
        "critical",
        None,
        "Behandlung steht unmittelbar bevor, ohne Kostenzusage",
        together=(
            _rx(
                r"\b(op|operation|eingriff|chemo\w*|strahlentherapie|bestrahlung|dialyse|"
                r"transplantation|behandlung|therapie|entbindung|einweisung|aufnahme|reha)\b"
            ),
            _rx(r"\b(morgen|heute|übermorgen|uebermorgen|in \w+ stunden|gleich)\b"),
            _rx(
                r"abgelehnt|ablehnung|keine (genehmigung|zusage|kostenzusage|kostenübernahme|"
                r"kostenuebernahme|bewilligung)|nicht (genehmigt|bewilligt|übernommen|uebernommen)|"
                r"ohne (genehmigung|zusage|kostenübernahme|kostenuebernahme)|"
                r"immer noch keine|noch keine (antwort|rückmeldung|rueckmeldung)"
            ),
        ),
    ),
    UrgencyRule(
        "legal_or_press_threat",
        "high",
        _rx(
            r"\b(anwalt|anwältin|anwaeltin|rechtsanwalt|klage|verklag\w*|sozialgericht|gericht)\b",
            r"\b(presse|zeitung|bild-zeitung|medien|fernsehen|rtl|verbraucherzentrale)\b",
            r"\b(aufsichtsbehörde|aufsichtsbehoerde|bundesamt für soziale sicherung|bas)\b",
            r"\b(ich )?(kündige|kuendige|wechsle|wechsel) (jetzt|sofort|endgültig|endgueltig)\b",
        ),
        "Drohung mit Anwalt, Presse, Aufsicht oder Kündigung",
    ),
    UrgencyRule(
        "deadline",
        "high",
        _rx(
            r"\bfrist\w* (läuft|laeuft|endet)",
            r"\b(bis|spätestens|spaetestens) (morgen|heute|übermorgen|uebermorgen|freitag|montag)\b",
            r"\b(mahnung|mahnbescheid|vollstreckung|inkasso|säumniszuschl\w*|saeumniszuschl\w*)\b",
        ),
        "Frist, Mahnung oder Vollstreckung genannt",
    ),
    UrgencyRule(
        "repeated_contact",
        "high",
        _rx(
            r"\b(zum|schon das|bereits das|das) (zweiten?|dritten?|vierten?|fünften?|x-ten?|"
            r"\d+\.?)\s*(mal|mail|nachricht)",
            r"\b(\d+|zwei|drei|vier|fünf|mehrere|etliche|zig) (mal|mails|e-mails|nachrichten|anrufe)\b"
            r".{0,40}\b(keine|nie|ohne) (antwort|rückmeldung|rueckmeldung|reaktion)",
            r"\bimmer noch keine (antwort|rückmeldung|rueckmeldung|reaktion|zahlung|überweisung)",
            r"\bseit (wochen|monaten)\b.{0,60}\b(nichts|keine|warte)",
        ),
        "Wiederholter Kontakt zum selben Anliegen",
    ),
    UrgencyRule(
        "money_overdue",
        "high",
        _rx(
            r"\b(krankengeld|geld|zahlung|erstattung|überweisung|ueberweisung)\b.{0,50}"
            r"\b(immer noch nicht|noch immer nicht|überfällig|ueberfaellig|seit \w+ wochen)\b",
        ),
        "Überfällige Zahlung",
    ),
)


_PLACEHOLDER = re.compile(r"<[A-Z_]+(?:_\d+)?>")


def _rage_reason(text: str) -> str | None:
    text = _PLACEHOLDER.sub(" ", text)  # <PERSON> is the masking stage's capitals, not anger
    letters = [c for c in text if c.isalpha()]
    caps_words = re.findall(r"\b[A-ZÄÖÜ]{4,}\b", text)
    if len(letters) >= 20 and sum(c.isupper() for c in letters) / len(letters) > 0.6:
        return "Wut-Signal: Text überwiegend in Großbuchstaben"
    if len(caps_words) >= 3:
        return "Wut-Signal: mehrere Wörter in Großbuchstaben"
    if re.search(r"[!?]{3,}", text):
        return "Wut-Signal: gehäufte Ausrufezeichen"
    return None


@dataclass(frozen=True)
class RuleOutcome:
    minimum: str  # lowest urgency the rules allow
    reasons: tuple[str, ...]
    fired: tuple[str, ...]


def apply_rules(
    masked_text: str, *, public: bool, rules: Iterable[UrgencyRule] = DEFAULT_RULES
) -> RuleOutcome:
    """Return the urgency floor the rules impose on a (masked) message."""
    minimum = "low"
    reasons: list[str] = []
    fired: list[str] = []
    for rule in rules:
        if rule.matches(masked_text):
            fired.append(rule.name)
            reasons.append(rule.reason)
            if URGENCY_ORDER[rule.minimum] > URGENCY_ORDER[minimum]:
                minimum = rule.minimum
    rage = _rage_reason(masked_text)
    if rage:
        fired.append("rage")
        reasons.append(rage)
        # Rage in public harms the brand: high. In private it is a signal, not a floor.
        if public and URGENCY_ORDER[minimum] < URGENCY_ORDER["high"]:
            minimum = "high"
    if public:
        reasons.append("Öffentlicher Kanal: Antwort ist für alle sichtbar")
    return RuleOutcome(minimum, tuple(reasons), tuple(fired))


def raise_to(urgency: str, minimum: str) -> str:
    return urgency if URGENCY_ORDER[urgency] >= URGENCY_ORDER[minimum] else minimum
