"""Synthetic German NER training data for the masking stage (PERSON,
HEALTH_CONDITION, MEDICATION), written as spaCy DocBin files.

    .venv/bin/python examples/ner/build_ner_data.py [--out /work/scratch/ner] [--seed 13]

Why synthetic: no German spaCy pipeline installs from PyPI and customer
messages must not leave the insurer, so the pipeline is trained on sentences
written for this purpose. The sentence frames below were written for this
generator independently of the project's gold sets (which measure the result).

Sources of values:
- names: Faker's person data of ``LEXICON_LOCALES`` only (never
  ``UNSEEN_LOCALES``: those stay reserved for measuring unseen names);
  Cyrillic names transliterated as in the lexicon builder. Names are split by a
  stable hash into a training pool and a held-out dev pool, so the dev score
  measures names the model has never seen;
- conditions and drugs: the shipped lexicons (``replyassist/masking/data``),
  plus compounds, care grades, GdB, ICD-10 codes and doses generated here;
- negatives: towns, streets and companies (Faker ``de_DE``), insurer topics,
  procedures ("Knie-OP") and screenings that are not diagnoses.

Label conventions (``shared/spec/taxonomy.md``): titles (Herr, Frau, Dr.)
stay outside PERSON; MEDICATION includes an adjacent dose ("Metformin
1000 mg"); HEALTH_CONDITION covers "Diabetes Typ 2", "Pflegegrad 3",
"GdB 50", "schwanger", "F32.1".

Deterministic: one ``random.Random(seed)``, sorted inputs, a seeded Faker.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import json
import random
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import spacy
from faker import Faker
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from replyassist.masking.build_lexicons import LEXICON_LOCALES, _is_latin_name, faker_names

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "replyassist" / "masking" / "data"
DEFAULT_OUT = Path("/work/scratch/ner")

PER, COND, MED = "PERSON", "HEALTH_CONDITION", "MEDICATION"
Seg = tuple[str, str | None]

# --------------------------------------------------------------------------
# Sentence frames. Slots: {FL} full name, {F} first name, {L} last name,
# {HL} title + name, {DR} doctor, {P} any name form, {SIG} signature name,
# {C} condition (noun), {CA} condition (adjective: "schwanger"), {CP} person
# noun ("Diabetiker"), {PG} care grade, {GDB} degree of disability, {ICD},
# {PREG} pregnancy, {M} medication (maybe with dose); unlabelled: {TOWN} {FIRMA} {STR} {PLZ}
# {DATUM} {BETRAG} {NR} {KASSE} {MONAT} {ALTER} {JAHRE} {TOPIC} {EMO} {KVNR}
# {RVNR} {TEL} {MAIL} {IBAN} {HANDLE}.
# --------------------------------------------------------------------------

BODY: list[str] = [
    # people
    "Mein Name ist {FL} und ich bin seit {JAHRE} Jahren bei Ihnen versichert.",
    "Ich schreibe im Auftrag meiner Mutter {FL}.",
    "Ich habe gestern mit {HL} telefoniert, es sollte ein Rückruf kommen.",
    "{HL} aus Ihrer Geschäftsstelle in {TOWN} hat mir etwas ganz anderes gesagt.",
    "Bitte richten Sie {HL} meinen Dank aus, das Gespräch hat mir sehr geholfen.",
    "Mein Sohn {F} ist bei mir familienversichert.",
    "Meine Tochter {F} braucht eine neue Versichertenkarte.",
    "Die Karte von meinem Mann {FL} ist bei einem Umzug verloren gegangen.",
    "Kann mich bitte {HL} zurückrufen?",
    "Unser Hausarzt {DR} hat den Antrag bereits ausgefüllt.",
    "Ich war heute bei {DR} in der Praxis, jetzt fehlt nur noch Ihre Genehmigung.",
    "{DR} hat mir eine Überweisung zum Facharzt geschrieben.",
    "{F} hier, ich hätte mal eine Frage zum Bonusprogramm.",
    "Hier ist {FL}, es geht um meinen Beitragsbescheid.",
    "Ich bin die gesetzliche Betreuerin von {HL} und kümmere mich um die Post.",
    "Versicherter: {FL}, Kundennummer {NR}",
    "Bitte schicken Sie die Unterlagen an meine Frau {F} und nicht an mich.",
    "Ihr Mitarbeiter {F} war am Telefon ziemlich unfreundlich.",
    "Danke an {F} vom Chat-Team, super erklärt!",
    "Ich habe schon dreimal mit einer {F} gesprochen und keiner weiß Bescheid.",
    "Mein Vater, {FL}, ist letzte Woche verstorben und ich muss seine Mitgliedschaft beenden.",
    "Meine Schwiegermutter {FL} wohnt seit {MONAT} bei uns.",
    "Sachbearbeitung laut Schreiben: {HL}",
    "Ich wurde an {HL} weitergeleitet und dann war die Leitung tot.",
    "Ist für {TOWN} immer noch {HL} zuständig?",
    "Frage für meinen Kumpel {F}: wie lange dauert ein Kassenwechsel?",
    "Im Anhang die AU von {FL}.",
    "Bitte stellen Sie die Bescheinigung auf den Namen {FL} aus.",
    "Die Familienversicherung für {F} und {F} ist immer noch nicht bestätigt.",
    "Mein Partner {FL} und ich haben ein Baby bekommen, die kleine {F}.",
    "Hallo {F}, danke für deine schnelle Antwort!",
    "Laut {HL} dauert die Bearbeitung vier Wochen.",
    "Können Sie mir sagen, ob {HL} noch bei Ihnen arbeitet?",
    "Unsere Pflegekraft {F} kommt zweimal am Tag vorbei.",
    "Meine Oma {FL} ist {ALTER} und kann nicht mehr alleine zum Arzt.",
    "Mein Bruder {F} studiert jetzt in {TOWN} und braucht eine Mitgliedsbescheinigung.",
    "Die Geburtsurkunde von {FL} liegt dem Brief bei.",
    "Glückwunsch an {FL} zum Gewinn!",
    "{FL} genau das gleiche Problem habe ich auch",
    "Ich habe das Formular zusammen mit {HL} ausgefüllt.",
    "Wer ist {FL}? Von dieser Person habe ich nie einen Brief bekommen.",
    "Der Brief war an {FL} adressiert, die wohnt hier aber nicht.",
    "Mein Ex-Mann {FL} bekommt immer noch meine Post.",
    "Ich bin die Mutter von {F} ({ALTER}) und habe eine Frage zur Zahnspange.",
    "Meine Kollegin {F} hat mir eure Kasse empfohlen.",
    "Könnt ihr {F} bitte ausrichten, dass die Unterlagen unterwegs sind?",
    "Ansprechpartnerin bei uns in der Firma ist {HL}.",
    "Die Vollmacht für meinen Sohn {FL} habe ich hochgeladen.",
    "Ich habe die Rechnung von {DR} eingereicht, aber noch nichts gehört.",
    "Rückruf bitte an {P} unter der bekannten Nummer.",
    "Ich heiße {FL} und bin neu bei Ihnen.",
    "{P} hat mir am Telefon versprochen, dass sich jemand meldet.",
    "Mein Neffe {F} macht eine Ausbildung bei {FIRMA}.",
    "Bei der Beratung in {TOWN} war {HL} wirklich sehr nett.",
    # health conditions
    "Ich habe seit Jahren {C} und brauche regelmäßig Termine beim Facharzt.",
    "Bei mir wurde im {MONAT} {C} festgestellt.",
    "Ich bin {CA} und komme mit dem Antrag nicht klar.",
    "Mein Kind hat {C}, übernehmen Sie die Kosten für die Therapie?",
    "Wegen {C} bin ich seit sechs Wochen krankgeschrieben.",
    "Diagnose laut Arztbrief: {ICD}",
    "Mein Mann hat {PG} und wir warten seit Monaten auf das Pflegegeld.",
    "Für meine Mutter wurde {PG} festgestellt, aber das reicht hinten und vorne nicht.",
    "Ich habe einen {GDB} und frage mich, ob mir ein Zuschuss zusteht.",
    "Mit {C} ist das alles nicht so einfach.",
    "Auf der AU steht {ICD}, reicht das dem Arbeitgeber?",
    "Ich leide unter {C} und kann zurzeit nicht arbeiten.",
    "Seit der Geburt habe ich {C}.",
    "Mein Arzt vermutet {C}, jetzt soll ich zum MRT.",
    "Unser Sohn ist {CA}, steht uns da etwas zu?",
    "Als Mensch mit {C} fühle ich mich von Ihnen im Stich gelassen.",
    "Ich hatte letztes Jahr {C} und jetzt wird die Reha abgelehnt?!",
    "hab {C} und komm kaum aus dem bett",
    "Mein Vater ist nach {C} {CA} geworden.",
    "Mein Schwerbehindertenausweis mit {GDB} läuft bald ab.",
    "Ich habe {C} und {C}, deshalb brauche ich eine Haushaltshilfe.",
    "Bei meiner Tochter wurde {C} diagnostiziert.",
    "Die Ärztin sagt, das ist {C}.",
    "Ich bin {PREG} ({SSW}. SSW) und brauche eine Bescheinigung für den Arbeitgeber.",
    "Ich bin {CP} und brauche Teststreifen.",
    "Als {CP} bin ich auf Ihre Leistungen angewiesen.",
    "Meine Mutter ist {CA} und hat {PG}.",
    "Seit dem Unfall habe ich {C}, der Gutachter sieht das anders.",
    "Befund: {C} ({ICD})",
    "Die Krankmeldung läuft unter {ICD} und {ICD}.",
    "Wir haben ein Kind mit {C} und brauchen dringend Unterstützung.",
    "Meine Frau ist {CA}, was müssen wir jetzt beantragen?",
    "Ich kämpfe seit Monaten mit {C}.",
    "Bei mir ist {C} wieder ausgebrochen.",
    "Der Gutachter hat nur {PG} vergeben, wir wollten mindestens {PG}.",
    "Mir wurde ein {GDB} zuerkannt.",
    "Nach {C} brauche ich eine Anschlussheilbehandlung.",
    "Meine Diagnose ist {C}, das sollte in den Unterlagen stehen.",
    # medications
    "Ich nehme täglich {M} und muss ständig zuzahlen.",
    "Mein Arzt hat mir {M} verschrieben, die Apotheke sagt, es ist nicht lieferbar.",
    "Wird {M} bei mir weiterhin übernommen?",
    "Seit ich {M} nehme, geht es mir deutlich besser.",
    "Ich bekomme {M} gespritzt, alle zwei Wochen.",
    "Zuzahlung für {M}: wieso muss ich das zahlen?",
    "Auf meinem Rezept steht {M}, morgens und abends.",
    "bekomm seit 3 wochen {M} und mir ist nur noch übel",
    "Die Apotheke hat mir statt {M} ein anderes Präparat gegeben.",
    "Mein Mann braucht {M} und {M}, das Rezept ist im Anhang.",
    "Wegen {C} nehme ich {M}.",
    "Ich habe {C} und spritze {M}.",
    "Die Dosis wurde auf {M} erhöht.",
    "{M} hilft bei mir gar nicht mehr.",
    "Ich musste {M} absetzen, weil ich {CA} bin.",
    "Mein Sohn bekommt {M} gegen {C}.",
    "Meine Tochter nimmt {M} und braucht ein neues Rezept.",
    "Ohne {M} komme ich nicht durch den Tag.",
    "Das Medikament {M} ist seit Wochen nicht zu bekommen.",
    "Ich vertrage {M} nicht und soll jetzt auf {M} umsteigen.",
    "Mein Vater bekommt {M} über eine Pumpe.",
    "Warum muss ich für {M} die Differenz selbst bezahlen?",
    # people + health data
    "Meine Mutter {FL} hat {PG} und wohnt in {TOWN}.",
    "Mein Mann {F} hat {C}, bekommt er eine Reha?",
    "{DR} hat bei mir {C} festgestellt und mir {M} verschrieben.",
    "Ich pflege meinen Vater {FL}, er ist {CA}.",
    "{HL} hat {C} und kann den Brief nicht selbst unterschreiben.",
    "Im Namen meiner Frau {F}: sie ist {CA} und braucht eine Bescheinigung.",
    "Unsere Tochter {F} ({ALTER}) hat {C}.",
    "Bei {FL} wurde {ICD} kodiert, das ist aber falsch.",
    "Patient: {FL}, Diagnose {ICD}, Medikation {M}",
    "Unsere Patientin {HL} benötigt dringend {M}.",
    "Die Praxis {DR} bittet um Kostenübernahme für {FL}.",
    "{HL} ist seit dem {DATUM} arbeitsunfähig ({ICD}).",
    "ich heiße {F} und hab {C} seit ich {ALTER} bin",
    "{F} hier {EMO} hab heute mein Rezept für {M} bekommen",
    "Mein Neurologe {DR} meint, ich soll {M} weiter nehmen.",
    "Meiner Schwester {F} geht es nach {C} sehr schlecht.",
    "Mein Sohn {FL} ist {CP} und braucht ein Insulinpflaster.",
    "Pflegebedürftige: {FL}, {PG}, wohnhaft in {TOWN}",
    "{F} ist {CA} und wir haben Fragen zum Mutterschaftsgeld.",
    # chat style
    "hallo ich bin {F} und hab ne frage zu meinem krankengeld",
    "hi, {F} hier. wann kommt mein geld??",
    "kann mir wer helfen, meine mama hat {PG} bekommen und jetzt?",
    "bin {CA} und weiß nicht welche formulare ich brauch",
    "nehm {M} seit {MONAT}, zahlt ihr das?",
    "mein freund {F} sagt ihr zahlt keine brille mehr stimmt das",
    "ok danke {F} {EMO}",
    "jo passt, danke euch!",
    "wie lang dauert das noch mit meinem antrag",
    "{F} hat gesagt ich soll hier schreiben",
    "frag für meine oma, die hat {C}",
    "hab grad mit {F} gechattet, war voll hilfreich",
    "meine ärztin hat {M} aufgeschrieben aber apotheke hat nix",
    # negatives (no entity)
    "Wann wird das Krankengeld für {MONAT} überwiesen?",
    "Ich habe meine Versichertenkarte verloren, wie bekomme ich eine neue?",
    "Übernehmen Sie die Kosten für eine professionelle Zahnreinigung?",
    "Mein Arbeitgeber {FIRMA} hat die Meldung angeblich schon geschickt.",
    "Ich arbeite bei {FIRMA} in {TOWN} und möchte zum nächsten Monat wechseln.",
    "Zahlt ihr die Grippeimpfung auch für Jüngere?",
    "Gibt es einen Zuschuss für die Knie-OP in einer Privatklinik?",
    "Die Hüft-OP ist für nächsten Monat geplant, brauche ich eine Genehmigung?",
    "Wo finde ich die Vorsorgeuntersuchungen im Bonusprogramm?",
    "Die App stürzt beim Hochladen der Rechnung immer ab.",
    "Ihre Geschäftsstelle in {TOWN} ist schon wieder geschlossen.",
    "Seit drei Wochen warte ich auf eine Antwort, das ist unverschämt.",
    "Super Service, vielen Dank für die schnelle Hilfe!",
    "Wie kann ich meinen Zusatzbeitrag online einsehen?",
    "Ich ziehe nach {TOWN} um, muss ich das melden?",
    "Meine neue Adresse ist {STR}, {PLZ} {TOWN}.",
    "Gewinnspiel: ich bin dabei! {EMO}",
    "Bitte senden Sie die Mitgliedsbescheinigung direkt an {FIRMA}.",
    "Werden Yoga-Kurse in {TOWN} bezuschusst?",
    "Mein Passwort funktioniert nicht mehr und die Hotline ist dauerbesetzt.",
    "Die Mahnung über {BETRAG} Euro verstehe ich nicht.",
    "Ich möchte Widerspruch gegen den Bescheid vom {DATUM} einlegen.",
    "Gibt es bei euch Zuschüsse für Brillen oder Kontaktlinsen?",
    "Wird eine Reha nach der Knie-OP übernommen?",
    "Wie beantrage ich Kinderkrankengeld?",
    "Die Filiale in der {STRN} hat bei Google falsche Öffnungszeiten.",
    "Welche Unterlagen brauche ich für den Antrag auf Pflegegeld?",
    "Gilt die Reiseimpfung auch für Thailand?",
    "Ich studiere in {TOWN} und frage mich, ob ich mich selbst versichern muss.",
    "Wie lange dauert es, bis die eAU bei meinem Arbeitgeber ankommt?",
    "Ihr habt das beste Bonusprogramm, weiter so!",
    "Nie wieder {KASSE}, ich wechsle!",
    "Hab den Newsletter abonniert, kommt aber nix an",
    "Ist eine Osteopathie-Behandlung erstattungsfähig?",
    "Hat die Geschäftsstelle am Samstag offen?",
    "Was kostet die freiwillige Versicherung für Selbstständige?",
    "Meine Kundennummer ist {NR}.",
    "Die Physiotherapie wurde abgelehnt, obwohl der Arzt sie verordnet hat.",
    "Warum wurde meine Rechnung über {BETRAG} € nicht erstattet?",
    "Ich brauche einen Termin in der Geschäftsstelle {TOWN}.",
    "Die Vorsorge beim Zahnarzt ist doch im Bonusheft eingetragen.",
    "Ab welchem Alter zahlt ihr die Krebsvorsorge?",
    "Übernehmt ihr das Hautkrebs-Screening alle zwei Jahre?",
    "Wie melde ich meinen Minijob bei {FIRMA} richtig an?",
    "Was zahlt die Kasse bei einer Zahnspange für Kinder?",
    "Wann kommt endlich die neue Gesundheitskarte mit Foto?",
    "Die Lastschrift für {MONAT} wurde doppelt abgebucht.",
    "Wie beantrage ich einen Pflegegrad für meine Eltern?",
    "Kann man den Pflegegrad auch rückwirkend erhöhen lassen?",
    "Was ist der Unterschied zwischen Pflegegeld und Pflegesachleistung?",
    "Übernehmt ihr {TOPIC}?",
    "Wie beantrage ich {TOPIC}?",
    "Gibt es für {TOPIC} einen Zuschuss?",
    "Meine Frage betrifft {TOPIC}.",
    "Wird {TOPIC} auch bei {KASSE} bezahlt?",
    "Wo kann ich den Antrag für {TOPIC} herunterladen?",
    "Ist {TOPIC} im Bonusprogramm enthalten?",
    "Ich war mit der Beratung zu {TOPIC} sehr zufrieden.",
    "Zahlt ihr eine Impfung gegen Grippe für Kinder?",
    "Wie hoch ist das Krankengeld eigentlich?",
    "Ich finde die Sprechzeiten in {TOWN} viel zu kurz.",
    "Der Upload im Online-Portal funktioniert seit gestern nicht.",
    "Bin von {KASSE} zu euch gewechselt und total zufrieden.",
    "Warum ist der Zusatzbeitrag schon wieder gestiegen?",
    "Danke für die schnelle Rückmeldung!",
    "Kann ich die Rechnung auch per Post schicken?",
    "Bitte bestätigen Sie mir den Eingang meines Schreibens.",
    "Ich warte seit {JAHRE} Wochen auf mein Geld.",
    "Die Firma {FIRMA} hat mich zum {DATUM} abgemeldet.",
    "Meine Praxis liegt in der {STRN} in {TOWN}.",
    "Die Hotline hat mich dreimal aus der Warteschleife geworfen.",
    "Warum bekomme ich keine Antwort auf meine Mails?",
    "Wie lange gilt eine Überweisung?",
    "Muss ich die Brille vorstrecken?",
    "Klasse Aktion, macht weiter so {EMO}",
    "Wo finde ich mein Postfach in der App?",
    # more negatives in customer register: complaints, praise, reviews, small talk
    "Perfekt, danke!",
    "Unglaublich, wie lange das bei euch dauert.",
    "Echt jetzt? Schon wieder eine Mahnung?",
    "Drei Briefe, zwei Mails, fünf Anrufe und immer noch keine Antwort.",
    "Der neue Beitragsbescheid ist komplett falsch.",
    "Danke für nichts.",
    "Einfach, schnell, zuverlässig. Beste Kasse!",
    "⭐⭐⭐⭐⭐ Top App, alles super einfach.",
    "⭐ Login geht seit dem Update nicht mehr.",
    "⭐⭐⭐ Funktioniert, aber die Ladezeiten nerven.",
    "Alles per App eingereicht, zwei Tage später war das Geld da.",
    "Ich habe kein Geld mehr für Lebensmittel.",
    "Seit heute Nacht geht die Seite nicht.",
    "Wen kann ich da anrufen?",
    "Mein Chef fragt schon, wo die Bescheinigung bleibt.",
    "Bitte um erneute Prüfung.",
    "Ich bitte um Korrektur aller betroffenen Abrechnungen.",
    "Andernfalls wende ich mich an die Aufsichtsbehörde.",
    "Das ist eine absolute Frechheit!!!",
    "IHR SEID DAS LETZTE",
    "NIEMAND RUFT ZURÜCK, NIEMAND FÜHLT SICH ZUSTÄNDIG!!!",
    "Das ganze System ist korrupt.",
    "Ich fliege im Sommer nach Indonesien, welche Impfungen zahlt ihr?",
    "Ich war heute in der Filiale und keiner konnte mir helfen.",
    "Was passiert, wenn ich nicht rechtzeitig widerspreche?",
    "Mein Gewinn ist niedriger als im Vorjahr, sinkt dann mein Beitrag?",
    "Eure Gewinnbenachrichtigung landete bei mir im Spam.",
    "Schönes Video! Wer hat das gedreht?",
    "Die Verhinderungspflege möchte ich stundenweise abrechnen.",
    "Ich nehme teil! 🙋",
    "Ich nehme an der Verlosung teil.",
    "Ich bin Student und arbeite nebenbei.",
    "Ich bin Rentnerin und habe eine Frage zur Zuzahlung.",
    "Ich bin selbstständig und finde den Beitrag viel zu hoch.",
    "Ich bin seit Jahren Mitglied und so behandelt ihr mich?",
    "Ich bin total verzweifelt und weiß nicht weiter.",
    "Ich bin echt sauer.",
    "Ich bin alleinerziehend und brauche das Kinderkrankengeld dringend.",
    "Kauft ihr sowas oder muss ich woanders hin?",
    "Ich habe Fragen zur Familienversicherung.",
    "Ich habe Probleme mit dem Login.",
    "Ich habe eine Mahnung mit Säumniszuschlag bekommen.",
    "Ich habe den Widerspruch vor zehn Wochen abgegeben.",
    "Ich nehme den Termin gerne wahr.",
    "Nehmt ihr auch Rechnungen aus dem Ausland?",
    "Der Kühlschrank ist leer und das Konto auch.",
    "Ich benutze Firefox auf Windows, da geht der Upload nicht.",
    "Fehler 500 beim Absenden des Formulars.",
    "Auf der Seite steht nichts Konkretes dazu.",
    "Was genau muss ich vorher einreichen?",
    "Der Eilantrag ist seit neun Tagen nicht entschieden.",
    "Früher gab es 150 Euro Zuschuss, jetzt nur noch 50.",
    "Gerade drei Minuten in der Warteschleife und dann aufgelegt.",
    "Liebe Grüße an das ganze Team!",
    "Wie viel gibt es für eine Brille?",
    "Ab wann zahlt ihr statt der Lohnfortzahlung?",
    "Kann ich die Beiträge in Raten zahlen?",
    "Das Foto auf der Karte ist schrecklich 😂",
    "Egal, ich versuch es morgen nochmal.",
    "Ich will wissen, wie die Kasse mit Alleinerziehenden umgeht.",
    "Der Chat wurde wegen Inaktivität beendet.",
    "Ich pflege meine Frau rund um die Uhr.",
    "Die Kursgebühr von 120 € habe ich vorgestreckt.",
    "Sportverein, Zahnvorsorge und Check-up sind im Bonusheft.",
    "Mein Beitrag als Selbstständiger ist plötzlich gestiegen.",
    "Hilfe, ich komme nicht weiter!",
    "Wird das bei euch abgefragt, wenn ich wechsle?",
    "Cheers, und danke für die Infos!",
    "Ich habe gelesen, dass es dafür einen Zuschuss gibt.",
    "Der Arbeitgeber will die Bescheinigung bis Freitag.",
    "Meine Kinder haben heute noch nichts gegessen.",
    "Bitte meldet euch, es ist dringend.",
    "Die Verordnung vom Krankenhaus liegt bei.",
    "Eine solche Aussage ist respektlos.",
    "Kann ich in der Zwischenzeit selbst etwas kaufen und später das Geld zurückbekommen?",
    "Ich brauche die Kostenzusage, bevor die Klinik anfängt.",
    "Ich werde bald 18, muss ich irgendwas machen?",
    "Die Antwort war freundlich und kompetent.",
    "Ich habe die Nase voll.",
    "Mit freundlichen Grüßen und einem schönen Wochenende",
    "Seit Wochen kämpfe ich mit euch um mein Geld.",
    "Wird das Training im Fitnessstudio bezuschusst?",
    "Mein Handy ist ein Samsung, die App startet nicht.",
    "Krankengeld kommt nicht, Miete ist fällig.",
    "Ich habe den Antrag auf Pflegegrad letzte Woche gestellt.",
    "Wann kommt der Gutachter für den Pflegegrad?",
    "Warum braucht ihr für die Reha so lange?",
    "Die Tabletten vom Hausarzt muss ich selbst bezahlen?",
    "Zahlt ihr Medikamente aus der Apotheke im Urlaub?",
    "Mein Rezept ist abgelaufen, was nun?",
    "Ich brauche ein neues Rezept für meine Medikamente.",
    "Wie komme ich an meine Diagnosen in der elektronischen Patientenakte?",
    "Die Diagnose steht doch auf der Überweisung.",
    # identifiers and contact data: not NER types (the pattern recognizers find them)
    "Meine Versichertennummer ist {KVNR}.",
    "KVNR {KVNR}, bitte um Rückruf.",
    "Rentenversicherungsnr. {RVNR}",
    "Sie erreichen mich unter {TEL}.",
    "Tel. {TEL}, E-Mail {MAIL}",
    "Bitte überweisen Sie auf {IBAN}.",
    "Meine neue IBAN lautet {IBAN}.",
    "Schreiben Sie mir an {MAIL}.",
    "Mein Name ist {FL}, KVNR {KVNR}, erreichbar unter {TEL}.",
    "{FL} (geb. {L}) hat eine neue Adresse.",
    "Ich habe nach der Hochzeit meinen Namen geändert (früher {L}, jetzt {L}).",
    "Ansprechpartner: {FL}, Tel. {TEL}",
    # web, spam, hashtags, English, dialect
    "Klick hier 👉 bit.ly/gewinn-jetzt und sichere dir dein iPhone!!!",
    "Check out my channel for daily motivation 💪",
    "thank you so much for your help!!",
    "Hello, I am new in Germany, do I need to register with you?",
    "Tag 3: immer noch rauchfrei 🚭💪 #Prävention #Gesundheit",
    "#Bonusprogramm #Fitness #Danke",
    "Potenzmittel ohne Rezept, diskret geliefert ➡️ www.beispiel-shop.example",
    "Lest ihr eure eigenen Nachrichten eigentlich?",
    "Diese App ist die beste, die ich kenne!",
    "Jeder sagt was anderes, keiner weiß Bescheid.",
    "Geht's noch?",
    "Gibt's bei euch einen Zuschuss für Sportkurse?",
    "Mei, des dauert ja ewig bei eich.",
    "Jetzt sag i's eich zum letzten Mal!",
    "Moin, geiht dat ok, wenn ich die Rechnung nachreiche?",
    "Heast, wos is do los mit eicham Telefon?",
    "Stil ist anders, echt schwach.",
    "Ganz schlechter Stil, das schreibe ich jetzt überall.",
    "Das wird Konsequenzen haben!!!",
    "Ich reiche Untätigkeitsklage ein.",
    "Wieso muss das Passwort 16 Zeichen haben 🙄",
    "Geht die App auch auf meinem alten iPad mit iOS 12?",
    "Kann ich die Zwei-Faktor-Anmeldung auf SMS umstellen?",
    "Werden auf Kapitalerträge auch Beiträge erhoben?",
    "Muss ich das Einkommen meiner Frau (Teilzeit, 520 €) angeben?",
    "Wegen Bauarbeiten war der Strom weg, seitdem geht die App nicht.",
    "Meine Leistungen ruhen wegen Beitragsrückstand.",
    "Ich bin Pflegekraft und betreue viele ältere Menschen.",
    "Ich bin Freelancer und ihr habt meinen Beitrag falsch berechnet.",
    "Ich bin Studentin der Gesundheitsökonomie und schreibe eine Hausarbeit.",
    "Ich bin seit Jahren registriert und komme trotzdem nicht rein.",
    "Der Kurs ist auf Englisch, wird der trotzdem bezuschusst?",
    "Wir brauchen Einmalhandschuhe und Bettschutzeinlagen.",
    "Ich bekomme Pflegehilfsmittel zum Verbrauch.",
    "Das Geld für Windeln und Milchpulver ist aufgebraucht.",
    "Der Post über Trauer hat mir gutgetan.",
    "Die Schokolade im Schrank ruft 🍫😅",
    "Wir sind gerade mitten im Umzug nach {TOWN}.",
    "Hochachtungsvoll",
    "Freundlich grüßt",
    "Mit besten Grüßen aus dem Homeoffice",
    "Vielen lieben Dank vorab.",
    "Ich hoffe auf eine baldige Antwort.",
    "Sehr enttäuschend, wirklich.",
    "Wie ist das mit dem Krankengeld, wenn man gerade die Kasse wechselt?",
    "Nur fürs Verständnis, ist gerade nichts passiert.",
    "Ich habe gerade die Ablehnung für die Fahrten bekommen.",
    "Meine Mutter wird wahnsinnig mit euren Formularen.",
    "Das Bild taucht nicht in der Galerie auf.",
    "Stufenweise Wiedereingliederung nach dem Hamburger Modell: bekomme ich weiter Geld?",
    # handles, pronouns, sentence-initial adverbs
    "{HANDLE} seit sieben Wochen warte ich auf mein Geld!",
    "{HANDLE} mein Vater liegt im Krankenhaus und keiner hilft.",
    "Bin dabei! {HANDLE} {HANDLE}",
    "Danke {HANDLE}, hat alles geklappt.",
    "Drei Monate Stress mit {HANDLE} wegen dem Krankengeld.",
    "Ich habe mit {HL} telefoniert. Er hat mir danach eine Mail geschickt.",
    "Er hat jetzt einen Hausnotruf. Sie kommt damit nicht klar.",
    "Sie hat gesagt, das dauert noch. Er meint, das stimmt nicht.",
    "Bisher ist nichts passiert.",
    "Absolut unbrauchbar, diese Seite.",
    "Nächstes Jahr mache ich wieder mit!",
    "Anbei sende ich die fehlenden Unterlagen.",
    "Kursbeginn ist morgen, ich habe noch keine Zusage.",
    "Nobody calls back. This is really bad service.",
    "Die Tagespflege Sonnenschein bittet um Bestätigung.",
    "Mit freundlichen Grüßen, Ergotherapie Regenbogen",
    "Wird die Reiseimpfung für Kenia übernommen?",
    "Wir fliegen nach Brasilien, welche Impfungen zahlt ihr?",
    "Ich bin arbeitslos geworden, was passiert mit meinem Beitrag?",
    "Ich habe zwei Stunden in der Warteschleife gehangen.",
    "Jetzt ist Oktober und immer noch kein Geld.",
    "Ich zahle jetzt Rücklastschriftgebühren, danke auch.",
    "Ich mach nicht mit, gebt den Gewinn jemand anderem.",
    "KRANKENKASSEN SIND LÜGNER!!! WACHT AUF LEUTE!!!",
    "Keiner ruft zurück, keiner hilft.",
    "Ich weiß nicht, ob ich überhaupt versichert bin.",
    "Ich bin Rentner und bekomme Rente aus dem Ausland.",
    "Ich erhalte ALG I seit letztem Monat.",
    "Geht die Familienversicherung auch für Enkel?",
    "Treppe statt Aufzug 😄 mach ich eh jeden Tag.",
    "Jetzt hob i scho dreimoi de Bescheinigung gschickt.",
    "Nu macht mal hinne!",
    "Muss ich meine Frau extra anmelden?",
    "Hoffentlich gewinne ich diesmal 🍀",
    "Die Karte ist immer noch mit dem alten Namen.",
]

GREETINGS: list[str] = [
    "Sehr geehrte Damen und Herren,",
    "Hallo,",
    "Guten Tag,",
    "Liebes {KASSE}-Team,",
    "Sehr geehrte Frau {L},",
    "Sehr geehrter Herr {L},",
    "Hallo Frau {L},",
    "Hallo Herr {L},",
    "Hallo {F},",
    "Moin,",
    "Guten Morgen,",
    "Hallo zusammen,",
    "Liebe {F},",
    "Sehr geehrte Frau Dr. {L},",
    "Guten Tag Herr {FL},",
]

SIGN_OFFS: list[str] = [
    "Mit freundlichen Grüßen\n{SIG}",
    "Viele Grüße\n{SIG}",
    "Liebe Grüße, {SIG}",
    "LG {SIG}",
    "MfG\n{SIG}",
    "Gruß {SIG}",
    "Danke und viele Grüße\n{SIG}",
    "Beste Grüße\n{SIG}\n{STR}\n{PLZ} {TOWN}",
    "Freundliche Grüße\n{SIG}\nKundennummer: {NR}",
    "VG {SIG}",
    "Mit freundlichem Gruß\n\n{SIG}",
    "Herzliche Grüße aus {TOWN}\n{SIG}",
    "Danke im Voraus!\n{SIG}",
    "Grüße\n{SIG}",
    "mfg {SIG}",
    "Hochachtungsvoll\n{SIG}",
    "Freundlich grüßt\n{SIG}",
    "Mit freundlichen Grüßen\nDipl.-Ing. {FL}",
    "Mit freundlichen Grüßen\nRechtsanwältin Dr. {FL}",
    "Viele Grüße\n{SIG}\nKVNR {KVNR}",
    "Gruß\n{SIG}\nTel. {TEL}",
]

CHAT_OPENERS = ["hallo", "hi", "hey", "moin", "huhu", "servus", "guten tag", "hallöchen"]
EMOJI = ["🙂", "😡", "🙏", "👍", "😂", "😢", "❤️", "🤬", "😊", "🤔", ":)", ":(", ";-)", "!!!"]

TOPICS = [
    "Krankengeld",
    "Pflegegeld",
    "die Vorsorge",
    "die Krebsvorsorge",
    "eine Zahnreinigung",
    "die Knie-OP",
    "eine Hüft-OP",
    "eine Reha",
    "eine Kur",
    "Physiotherapie",
    "das Bonusprogramm",
    "die Grippeimpfung",
    "eine Reiseimpfung",
    "das Hautkrebs-Screening",
    "Mutterschaftsgeld",
    "eine Haushaltshilfe",
    "Zahnersatz",
    "eine neue Brille",
    "ein Hörgerät",
    "einen Rollator",
    "Kinderkrankengeld",
    "einen Pflegekurs",
    "Osteopathie",
    "Akupunktur",
    "den Check-up",
    "eine Darmspiegelung",
    "die Mammographie",
    "eine Zweitmeinung",
    "den Entlastungsbetrag",
    "eine Fahrtkostenerstattung",
    "künstliche Befruchtung",
    "eine Kieferorthopädie",
    "Ernährungsberatung",
    "einen Präventionskurs",
]

KASSEN = ["AOK", "TK", "Barmer", "DAK", "IKK", "BKK", "HKK", "KKH", "Knappschaft"]
MONTHS = "Januar Februar März April Mai Juni Juli August September Oktober November Dezember"
BIG_COMPANIES = [
    "Lidl",
    "Aldi Süd",
    "Deutsche Bahn",
    "Siemens",
    "Bosch",
    "DHL",
    "Edeka",
    "Rewe",
    "dm",
    "Rossmann",
    "Amazon",
    "Telekom",
    "Sparkasse",
    "Volkswagen",
    "Zalando",
]

# Condition entries that are adjectives or person nouns rather than nouns.
ADJECTIVES = {
    "schwanger",
    "hochschwanger",
    "depressiv",
    "suizidal",
    "bipolar",
    "zuckerkrank",
    "alkoholabhängig",
    "schwerhörig",
    "taub",
    "gehörlos",
    "blind",
    "sehbehindert",
    "spastisch",
    "gelähmt",
    "querschnittsgelähmt",
    "amputiert",
    "behindert",
    "schwerbehindert",
    "pflegebedürftig",
    "bettlägerig",
    "chronisch krank",
    "palliativ",
    "sterbenskrank",
    "todkrank",
    "unheilbar",
    "unfruchtbar",
    "psychisch krank",
    "psychisch erkrankt",
    "seelisch krank",
    "unheilbar krank",
    "schwerkrank",
}
PERSON_NOUN_SUFFIXES = ("iker", "ikerin", "autist", "autistin", "patient", "patientin", "fahrer")
PERSON_NOUN_SUFFIXES_EXTRA = ("fahrerin", "frühchen")
ADJECTIVE_FIRST = {
    "rheumatoide",
    "grauer",
    "grüner",
    "posttraumatische",
    "bipolare",
    "chronische",
    "geistige",
    "schwarzer",
    "neue",
    "künstliches",
}
UPPER_WORDS = {"adhs", "ads", "copd", "ms", "als", "ptbs", "hiv", "aids", "fsme", "pcos"}
UPPER_WORDS |= {"cfs", "me/cfs", "ass", "mcp", "mtx", "hctz", "covid-19"}
SPELLING = {
    "lws-syndrom": "LWS-Syndrom",
    "hws-syndrom": "HWS-Syndrom",
    "bws-syndrom": "BWS-Syndrom",
    "pille danach": "Pille danach",
    "medizinisches cannabis": "medizinisches Cannabis",
    "colitis ulcerosa": "Colitis ulcerosa",
    "restless legs": "Restless Legs",
}

#: Non-entities in entity contexts: the model must look at the word, not only
#: at "ich bin ..." / "ich nehme ...". Used with probability NEG_SLOT_P.
NEG_SLOT_P = 0.14
NEG_FILL: dict[str, list[str]] = {
    "CA": [
        "müde",
        "verzweifelt",
        "sauer",
        "wütend",
        "enttäuscht",
        "arbeitslos",
        "selbstständig",
        "Rentner",
        "Rentnerin",
        "Studentin",
        "alleinerziehend",
        "verheiratet",
        "geschieden",
        "umgezogen",
        "neu hier",
        "freiwillig versichert",
        "familienversichert",
        "krankgeschrieben",
        "im Urlaub",
        "ratlos",
        "Beamtin",
        "Mitglied",
        "Student",
        "Freelancer",
        "Pflegekraft",
        "Erzieherin",
        "Azubi",
        "Minijobber",
        "Hausfrau",
        "Grenzgänger",
        "registriert",
        "frustriert",
        "am Ende",
        "froh",
        "dankbar",
        "erreichbar",
        "zufrieden",
    ],
    "C": [
        "Fragen",
        "einen Termin",
        "Probleme mit der App",
        "keinen Zugang",
        "Post von Ihnen",
        "eine Knie-OP",
        "eine Hüft-OP",
        "Physiotherapie",
        "eine Reha",
        "einen Antrag",
        "Ärger mit dem Arbeitgeber",
        "Stress",
        "Krankengeld",
        "Pflegegeld",
        "eine Operation",
        "eine Vorsorgeuntersuchung",
        "einen Zahnarzttermin",
        "eine Zahnreinigung",
        "Schulden",
        "keine Zeit",
        "eine Kur",
        "einen Umzug",
        "die Krebsvorsorge",
        "eine Darmspiegelung",
    ],
    "M": [
        "Tabletten",
        "meine Tabletten",
        "Medikamente",
        "ein Medikament",
        "das Rezept",
        "Tropfen",
        "eine Spritze",
        "die Salbe",
        "Vitamine",
        "den Bus",
        "ein Taxi",
        "Urlaub",
        "Hilfe",
        "das Generikum",
        "Schmerzmittel",
        "die Tabletten vom Hausarzt",
    ],
    "PG": ["einen Pflegegrad", "den Pflegegrad", "Pflegegeld", "einen höheren Pflegegrad"],
    "GDB": ["Schwerbehindertenausweis", "Bescheid vom Versorgungsamt", "Ausweis"],
    "ICD": ["die Diagnose", "ein Code", "der Schlüssel", "nichts", "AU"],
}
#: Name slots: capitalized common nouns (Faker's German word list, minus
#: anything in the name lexicons) and service words.
NAME_NEG_FIXED = ["dem Team", "Ihrer Kollegin", "der Hotline", "einer Mitarbeiterin", "euch"]

BODY_PARTS = ["Knie", "Rücken", "Kopf", "Bauch", "Schulter", "Nacken", "Hüft", "Gelenk"]
BODY_PARTS += ["Zahn", "Ohren", "Brust", "Nerven", "Fuß", "Hand", "Unterleibs", "Kiefer"]
INFLAMED = ["Lungen", "Blasen", "Mandel", "Gelenk", "Darm", "Sehnen", "Nerven", "Augen"]
INFLAMED += ["Stirnhöhlen", "Ohr", "Bauchspeicheldrüsen", "Herzmuskel", "Hirnhaut"]
CANCER = ["Lungen", "Brust", "Darm", "Haut", "Magen", "Leber", "Knochen", "Zungen", "Kehlkopf"]
CANCER += ["Schilddrüsen", "Speiseröhren", "Gallen"]
DOSES = ["400 mg", "600", "1000 mg", "5 mg", "20 IE", "0,5 mg", "75 µg", "100", "2,5 mg"]
DOSES += ["10mg", "40 mg", "50 mg", "800", "150 mg", "1 mg", "12 IE", "100 µg", "20mg", "500 mg"]
ICD_LETTERS = "FFFMMEGJIKRNCZ"


def _stable_bucket(value: str, buckets: int = 100) -> int:
    return int(hashlib.md5(value.encode("utf-8")).hexdigest()[:8], 16) % buckets


def _cap(entry: str) -> str:
    """Write a lower-case lexicon entry the way a German text would."""
    if entry.startswith("="):
        return entry[1:]
    entry = entry.lstrip("~")
    if entry in SPELLING:
        return SPELLING[entry]
    words = entry.split(" ")
    out = []
    for i, w in enumerate(words):
        if w in UPPER_WORDS:
            out.append(w.upper())
        elif w.isdigit() or (i == 0 and w in ADJECTIVE_FIRST) or (i > 0 and w == "krank"):
            out.append(w)
        elif i > 0 and words[i - 1] == "vitamin":
            out.append(w.upper())
        else:
            out.append("-".join(p[:1].upper() + p[1:] for p in w.split("-")))
    return " ".join(out)


def _read_lexicon(name: str) -> list[str]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")]


@dataclass
class Pools:
    """Values to fill the slots with, one set per split (names differ by split)."""

    first: dict[str, list[str]]
    last: dict[str, list[str]]
    locales: list[str]
    weights: list[float]
    cond_nouns: list[str] = field(default_factory=list)
    cond_adjs: list[str] = field(default_factory=list)
    cond_persons: list[str] = field(default_factory=list)
    meds: list[str] = field(default_factory=list)
    towns: list[str] = field(default_factory=list)
    streets: list[str] = field(default_factory=list)
    companies: list[str] = field(default_factory=list)
    nouns: list[str] = field(default_factory=list)
    reply_sentences: list[str] = field(default_factory=list)


def build_pools(split: str, faker: Faker) -> Pools:
    """Name pools of ``split`` ("train": 85 % of names by hash, "dev": the rest)."""
    weights_by_locale = {
        "de_DE": 0.42,
        "de_AT": 0.1,
        "tr_TR": 0.13,
        "pl_PL": 0.09,
        "it_IT": 0.07,
        "en_US": 0.06,
        "ru_RU": 0.07,
        "uk_UA": 0.06,
        "en_IN": 0.03,
        "vi_VN": 0.02,
        "yo_NG": 0.02,
        "tw_GH": 0.01,
        "ro_RO": 0.03,
        "sw": 0.01,
    }
    assert set(weights_by_locale) == set(LEXICON_LOCALES)
    first: dict[str, list[str]] = {}
    last: dict[str, list[str]] = {}
    for loc in LEXICON_LOCALES:
        f, la = faker_names(loc)

        def pick(names: set[str]) -> list[str]:
            keep = sorted(n for n in names if _is_latin_name(n) and " " not in n)
            in_dev = [n for n in keep if _stable_bucket(n) < 15]
            return in_dev if split == "dev" else [n for n in keep if _stable_bucket(n) >= 15]

        first[loc], last[loc] = pick(f), pick(la)
    pools = Pools(first, last, list(weights_by_locale), list(weights_by_locale.values()))
    conds = _read_lexicon("health_conditions.txt")
    for entry in conds:
        bare = entry.lstrip("=~")
        if bare.startswith("im ") or bare == "gebrochen":
            continue
        if bare in ADJECTIVES:
            pools.cond_adjs.append(bare)
        elif bare.endswith(PERSON_NOUN_SUFFIXES + PERSON_NOUN_SUFFIXES_EXTRA):
            pools.cond_persons.append(_cap(entry))
        else:
            pools.cond_nouns.append(_cap(entry))
    pools.meds = [_cap(m) for m in _read_lexicon("medications.txt")]
    pools.towns = sorted({faker.city() for _ in range(600)})
    pools.streets = sorted({faker.street_name() for _ in range(600)})
    companies = {f"{faker.last_name()} {faker.company_suffix()}" for _ in range(300)}
    companies |= {f"{faker.last_name()} Bau GmbH" for _ in range(30)}
    companies |= {f"Autohaus {faker.last_name()}" for _ in range(30)}
    pools.companies = sorted(companies | set(BIG_COMPANIES))
    names = {
        n.casefold() for n in _read_lexicon("first_names.txt") + _read_lexicon("last_names.txt")
    }
    lorem = importlib.import_module("faker.providers.lorem.de_DE").Provider.word_list
    pools.nouns = sorted(w for w in lorem if w[:1].isupper() and w.casefold() not in names)
    pools.reply_sentences = reply_sentences()
    return pools


def reply_sentences() -> list[str]:
    """Sentences of the shipped reply templates without placeholders.

    They are the insurer's own wording (no customer data), so they give the
    model many ordinary German words labelled as "no entity".
    """
    import yaml

    out: set[str] = set()
    for path in sorted((ROOT / "guidelines").glob("*/templates/*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for tmpl in doc.get("templates", []):
            for var in tmpl.get("variants", []):
                for sent in re.split(r"(?<=[.!?])\s+|\n+", str(var.get("text", ""))):
                    sent = sent.strip(" –-")
                    if 15 <= len(sent) <= 220 and "{" not in sent and "@" not in sent:
                        out.add(sent)
    return sorted(out)


class Generator:
    """Fills sentence frames; each filled frame is a list of (text, label) segments."""

    def __init__(self, pools: Pools, rng: random.Random, body: list[str]) -> None:
        self.p = pools
        self.rng = rng
        self.body = body
        # health frames are rarer than name frames and negatives: draw them twice as often
        self.weights = [
            2.0 if re.search(r"\{(M|C|CA|CP|PG|GDB|ICD|PREG)\}", f) else 1.0 for f in body
        ]
        self.slots: dict[str, Callable[[], list[Seg]]] = {
            "F": lambda: [(self.first(), PER)],
            "L": lambda: [(self.last(), PER)],
            "FL": lambda: [(self.full(), PER)],
            "HL": self.titled,
            "DR": self.doctor,
            "P": self.any_name,
            "SIG": self.signature,
            "C": self.condition,
            "CA": lambda: [(self.rng.choice(self.p.cond_adjs), COND)],
            "CP": lambda: [(self.rng.choice(self.p.cond_persons), COND)],
            "PREG": lambda: [(self.rng.choice(["schwanger", "schwanger", "hochschwanger"]), COND)],
            "PG": self.care_grade,
            "GDB": self.gdb,
            "ICD": lambda: [(self.icd(), COND)],
            "M": self.medication,
            "TOWN": lambda: [(self.rng.choice(self.p.towns), None)],
            "FIRMA": lambda: [(self.rng.choice(self.p.companies), None)],
            "STR": lambda: [
                (f"{self.rng.choice(self.p.streets)} {self.rng.randint(1, 140)}", None)
            ],
            "STRN": lambda: [(self.rng.choice(self.p.streets), None)],
            "PLZ": lambda: [(f"{self.rng.randint(1067, 99998):05d}", None)],
            "DATUM": lambda: [(self.date(), None)],
            "BETRAG": lambda: [
                (f"{self.rng.randint(12, 980)},{self.rng.randint(0, 99):02d}", None)
            ],
            "NR": lambda: [(str(self.rng.randint(10**6, 10**9)), None)],
            "KASSE": lambda: [(self.rng.choice(KASSEN), None)],
            "MONAT": lambda: [(self.rng.choice(MONTHS.split()), None)],
            "ALTER": lambda: [(str(self.rng.randint(2, 94)), None)],
            "JAHRE": lambda: [(str(self.rng.randint(2, 30)), None)],
            "SSW": lambda: [(str(self.rng.randint(6, 38)), None)],
            "TOPIC": lambda: [(self.rng.choice(TOPICS), None)],
            "EMO": lambda: [(self.rng.choice(EMOJI), None)],
            "KVNR": lambda: [(self.kvnr(), None)],
            "HANDLE": lambda: [(self.handle(), None)],
            "RVNR": lambda: [(self.rvnr(), None)],
            "TEL": lambda: [(self.phone(), None)],
            "MAIL": lambda: [(self.mail(), None)],
            "IBAN": lambda: [(self.iban(), None)],
        }

    # -- values --------------------------------------------------------------

    def locale(self) -> str:
        return self.rng.choices(self.p.locales, weights=self.p.weights)[0]

    def first(self, loc: str | None = None) -> str:
        loc = loc or self.locale()
        return self.rng.choice(self.p.first[loc] or self.p.first["de_DE"])

    def last(self, loc: str | None = None) -> str:
        loc = loc or self.locale()
        return self.rng.choice(self.p.last[loc] or self.p.last["de_DE"])

    def full(self) -> str:
        loc = self.locale()
        first, last = self.first(loc), self.last(loc)
        r = self.rng.random()
        if r < 0.05:
            first = f"{first}-{self.first(loc)}"
        elif r < 0.09:
            first = f"{first} {self.first(loc)}"
        elif r < 0.15:
            last = f"{last}-{self.last()}"
        return f"{first} {last}"

    def titled(self) -> list[Seg]:
        title = self.rng.choice(["Herr ", "Frau ", "Frau ", "Herrn ", "Hr. ", "Fr. ", "Herr "])
        name = self.full() if self.rng.random() < 0.15 else self.last()
        return [(title, None), (name, PER)]

    def doctor(self) -> list[Seg]:
        title = self.rng.choice(["Dr. ", "Dr. ", "Frau Dr. ", "Herr Dr. ", "Dr. med. ", "Prof. "])
        name = self.full() if self.rng.random() < 0.3 else self.last()
        return [(title, None), (name, PER)]

    def initial_name(self) -> str:
        return f"{self.first()[0]}. {self.last()}"

    def any_name(self) -> list[Seg]:
        r = self.rng.random()
        if r < 0.4:
            return [(self.full(), PER)]
        if r < 0.6:
            return [(self.first(), PER)]
        if r < 0.85:
            return self.titled()
        if r < 0.9:
            return self.doctor()
        if r < 0.95:
            return [(self.initial_name(), PER)]
        return [(self.last(), PER)]

    def signature(self) -> list[Seg]:
        r = self.rng.random()
        if r < 0.55:
            return [(self.full(), PER)]
        if r < 0.85:
            return [(self.first(), PER)]
        if r < 0.95:
            return [(self.initial_name(), PER)]
        return [("Familie ", None), (self.last(), PER)]

    def condition(self) -> list[Seg]:
        r = self.rng.random()
        if r < 0.62:
            value = self.rng.choice(self.p.cond_nouns)
        elif r < 0.72:
            part = self.rng.choice(BODY_PARTS)
            value = part + self.rng.choice(["schmerzen", "schmerzen", "beschwerden"])
        elif r < 0.79:
            value = self.rng.choice(INFLAMED) + "entzündung"
        elif r < 0.86:
            value = self.rng.choice(CANCER) + "krebs"
        elif r < 0.9:
            value = f"Diabetes Typ {self.rng.choice([1, 2, 2])}"
        elif r < 0.95:
            return self.care_grade()
        else:
            value = self.icd()
        return [(value, COND)]

    def care_grade(self) -> list[Seg]:
        n = self.rng.randint(1, 5)
        form = self.rng.choice(["Pflegegrad {n}", "Pflegegrad {n}", "PG {n}", "Pflegestufe {n}"])
        return [(form.format(n=n), COND)]

    def gdb(self) -> list[Seg]:
        n = self.rng.choice(range(20, 101, 10))
        form = self.rng.choice(
            ["GdB {n}", "GdB von {n}", "GdB {n}", "Grad der Behinderung von {n}"]
        )
        return [(form.format(n=n), COND)]

    def icd(self) -> str:
        code = f"{self.rng.choice(ICD_LETTERS)}{self.rng.randint(0, 99):02d}"
        if self.rng.random() < 0.75:
            code += f".{self.rng.randint(0, 9)}"
        if self.rng.random() < 0.1:
            code += self.rng.choice(["G", " G", " V"])
        return code

    def medication(self) -> list[Seg]:
        value = self.rng.choice(self.p.meds)
        if self.rng.random() < 0.35 and not value[-1].isdigit():
            value = f"{value} {self.rng.choice(DOSES)}"
        return [(value, MED)]

    def handle(self) -> str:
        """A social-media handle: an account, not a person's name in the text."""
        kasse = self.rng.choice(KASSEN)
        word = self.rng.choice(self.p.nouns).lower()
        return self.rng.choice(
            [
                f"@{kasse}",
                f"@{kasse}_hilft",
                f"@meine{kasse.lower()}",
                f"@{word}_{self.rng.randint(1, 99)}",
            ]
        )

    def kvnr(self) -> str:
        return f"{self.rng.choice('ABCDEFGHKLMNRSTUVWZ')}{self.rng.randint(10**8, 10**9 - 1)}"

    def rvnr(self) -> str:
        d = f"{self.rng.randint(1, 28):02d}{self.rng.randint(1, 12):02d}{self.rng.randint(40, 99)}"
        return (
            f"{self.rng.randint(10, 89)}{d}{self.rng.choice('ABKLMSW')}{self.rng.randint(100, 599)}"
        )

    def phone(self) -> str:
        pre = self.rng.choice(["0171", "0151", "030", "040", "0351", "+49 170", "0176", "089"])
        num = str(self.rng.randint(10**5, 10**8))
        return self.rng.choice([f"{pre} {num}", f"{pre}/{num}", f"{pre}-{num}", f"{pre}{num}"])

    def mail(self) -> str:
        user = _lower(self.last()).replace(" ", "")
        user = re.sub(r"[^a-z0-9.-]", "", user) or "kontakt"
        return (
            f"{user}{self.rng.randint(1, 99)}@{self.rng.choice(['web.de', 'gmx.de', 'gmail.com'])}"
        )

    def iban(self) -> str:
        digits = "".join(str(self.rng.randint(0, 9)) for _ in range(20))
        raw = f"DE{digits}"
        return raw if self.rng.random() < 0.4 else " ".join(raw[i : i + 4] for i in range(0, 22, 4))

    def date(self) -> str:
        d, m, y = self.rng.randint(1, 28), self.rng.randint(1, 12), self.rng.randint(2019, 2025)
        return self.rng.choice(
            [f"{d:02d}.{m:02d}.{y}", f"{d}.{m}.", f"{d}. {MONTHS.split()[m - 1]}"]
        )

    # -- frames --------------------------------------------------------------

    def slot(self, name: str) -> list[Seg]:
        """A slot's value; sometimes a non-entity in the same place (contrast)."""
        if self.rng.random() < NEG_SLOT_P:
            if name in NEG_FILL:
                return [(self.rng.choice(NEG_FILL[name]), None)]
            if name in {"F", "L", "FL", "P"}:
                pool = self.p.nouns if self.rng.random() < 0.7 else NAME_NEG_FIXED
                return [(self.rng.choice(pool), None)]
        return self.slots[name]()

    def fill(self, frame: str) -> list[Seg]:
        segs: list[Seg] = []
        pos = 0
        for m in re.finditer(r"\{([A-Z]+)\}", frame):
            if m.start() > pos:
                segs.append((frame[pos : m.start()], None))
            segs.extend(self.slot(m.group(1)))
            pos = m.end()
        if pos < len(frame):
            segs.append((frame[pos:], None))
        return segs

    def sentences(self, k: int) -> list[Seg]:
        segs: list[Seg] = []
        for i in range(k):
            if i:
                segs.append((self.rng.choice([" ", " ", "\n", "  "]), None))
            if self.rng.random() < 0.25:
                segs.append((self.rng.choice(self.p.reply_sentences), None))
            else:
                frame = self.rng.choices(self.body, weights=self.weights)[0]
                segs.extend(self.fill(frame))
        return segs

    def message(self) -> tuple[str, list[Seg]]:
        """One message of a random channel: e-mail, chat, public comment or review."""
        channel = self.rng.choices(["email", "chat", "comment", "review"], [35, 30, 22, 13])[0]
        segs: list[Seg] = []
        if channel == "email":
            if self.rng.random() < 0.85:
                segs += self.fill(self.rng.choice(GREETINGS))
                segs.append((self.rng.choice(["\n\n", "\n", " "]), None))
            segs += self.sentences(self.rng.choice([1, 2, 2, 3]))
            if self.rng.random() < 0.8:
                segs.append((self.rng.choice(["\n\n", "\n", " "]), None))
                segs += self.fill(self.rng.choice(SIGN_OFFS))
        elif channel == "chat":
            if self.rng.random() < 0.4:
                segs.append(
                    (self.rng.choice(CHAT_OPENERS) + self.rng.choice([" ", ", ", "! "]), None)
                )
            segs += self.sentences(self.rng.choice([1, 1, 2]))
            if self.rng.random() < 0.2:
                segs.append((self.rng.choice([" lg ", " gruß ", "\n"]), None))
                segs.append((self.first(), PER))
        elif channel == "comment":
            if self.rng.random() < 0.15:
                segs += [("@", None), (self.full(), PER), (" ", None)]
            segs += self.sentences(self.rng.choice([1, 1, 2]))
        else:
            segs += self.sentences(1)
        if self.rng.random() < 0.25 and channel != "email":
            segs.append((" " + self.rng.choice(EMOJI), None))
        return channel, segs


def _typo(word: str, rng: random.Random) -> str:
    if len(word) < 5 or not word.isalpha():
        return word
    i = rng.randint(1, len(word) - 2)
    kind = rng.random()
    if kind < 0.4:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind < 0.7:
        return word[:i] + word[i + 1 :]
    return word[:i] + word[i] + word[i:]


def _lower(text: str) -> str:
    """Lower-case without changing the length (keeps offsets valid)."""
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def transform(channel: str, segs: list[Seg], rng: random.Random) -> list[Seg]:
    """Chat habits: lower case, missing punctuation, typos (also inside entities)."""
    lower = rng.random() < {"chat": 0.55, "comment": 0.25}.get(channel, 0.04)
    out: list[Seg] = []
    for text, label in segs:
        words = re.split(r"(\s+)", text)
        p_typo = 0.025 if label is None else 0.03
        words = [_typo(w, rng) if rng.random() < p_typo else w for w in words]
        text = "".join(words)
        if lower:
            text = _lower(text)
        if channel == "chat" and label is None and rng.random() < 0.4:
            text = re.sub(r"[.,](?=\s|$)", "", text)
        out.append((text, label))
    return out


def to_doc(nlp: Language, segs: list[Seg], stats: Counter[str]) -> Doc | None:
    """A Doc with entities; ``None`` when an entity does not fit the tokens."""
    text, spans, pos = "", [], 0
    for value, label in segs:
        if label is not None:
            spans.append((pos, pos + len(value), label))
        text += value
        pos += len(value)
    doc = nlp.make_doc(text)
    ents = []
    for start, end, label in spans:
        span = doc.char_span(start, end, label=label)
        if span is None:
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
            extra = (
                text[span.start_char : start] + text[end : span.end_char]
                if span is not None
                else "x"
            )
            if span is None or extra.strip("@.!?,:;") != "":
                stats["dropped_misaligned"] += 1
                return None
            stats["expanded_over_punct"] += 1
        ents.append(span)
    try:
        doc.ents = ents
    except ValueError:
        stats["dropped_overlap"] += 1
        return None
    for e in ents:
        stats[e.label_] += 1
    if not ents:
        stats["no_entity_docs"] += 1
    return doc


def build(out: Path, seed: int, n_train: int, n_dev: int) -> dict[str, object]:
    """Write ``train.spacy`` and ``dev.spacy`` under ``out``; return statistics."""
    nlp = spacy.blank("de")
    faker = Faker("de_DE")
    faker.seed_instance(seed)
    # every 8th frame is held out of training: dev also measures unseen sentence frames
    train_frames = [f for i, f in enumerate(BODY) if i % 8 != 5]
    stats: dict[str, object] = {"seed": seed, "frames_total": len(BODY)}
    stats["frames_train"] = len(train_frames)
    stats["frames_dev_only"] = len(BODY) - len(train_frames)
    out.mkdir(parents=True, exist_ok=True)
    for split, n, frames in (("train", n_train, train_frames), ("dev", n_dev, BODY)):
        rng = random.Random(f"{seed}-{split}")
        pools = build_pools(split, faker)
        gen = Generator(pools, rng, frames)
        counts: Counter[str] = Counter()
        db = DocBin(store_user_data=False)
        made = 0
        while made < n:
            channel, segs = gen.message()
            doc = to_doc(nlp, transform(channel, segs, rng), counts)
            if doc is not None:
                db.add(doc)
                made += 1
        db.to_disk(out / f"{split}.spacy")
        stats[split] = {"docs": made, **dict(sorted(counts.items()))}
    (out / "data_stats.json").write_text(json.dumps(stats, indent=2, ensure_ascii=False))
    return stats


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--train", type=int, default=20000)
    parser.add_argument("--dev", type=int, default=2000)
    parser.add_argument("--show", type=int, default=0, help="print N generated messages")
    args = parser.parse_args()
    if args.show:
        rng = random.Random(args.seed)
        gen = Generator(build_pools("train", Faker("de_DE")), rng, BODY)
        for _ in range(args.show):
            channel, segs = gen.message()
            segs = transform(channel, segs, rng)
            print(f"[{channel}] " + "".join(f"[{t}]({lab[:3]})" if lab else t for t, lab in segs))
            print("---")
        return
    print(json.dumps(build(args.out, args.seed, args.train, args.dev), indent=2))


if __name__ == "__main__":
    main()
