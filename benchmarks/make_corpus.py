"""Generate the benchmark corpus: 5,000 realistic German customer messages.

    .venv/bin/python benchmarks/make_corpus.py [--n 5000] [--seed 2024] [--out benchmarks/data/corpus.jsonl]

Deterministic (seeded ``random.Random`` and a seeded Faker ``de_DE``): the same
arguments always write the same file. Messages are composed from this file's
own sentence pieces (no training or test data of the project is used):

* all 8 channels, with channel-typical length — one-liners on X and in public
  comments, short to medium direct messages, chat and app reviews, medium to
  long e-mails (some with quoted history and a signature block);
* all 12 topics of ``/work/shared/spec/taxonomy.md`` plus urgency flavours
  (anger, threats, deadlines, existential emergencies);
* about 25 % carry invented personal data (Faker ``de_DE`` names, e-mail,
  phone, IBAN, street addresses, birth dates; KVNR and pension numbers with
  valid check digits; diagnoses and medication from small lists);
* colloquial noise: lower case, missing umlauts, typos, emoji, English words;
* about a third of the direct-message, chat and e-mail traffic belongs to
  threads of 2-4 messages (``thread_id``), in conversation order.

Output lines: ``{"id", "text", "channel", "thread_id"?}`` (JSON Lines, UTF-8).
The messages are synthetic; the personal data in them is invented.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from datetime import date
from pathlib import Path

from faker import Faker

ROOT = Path(__file__).resolve().parent
DEFAULT_OUT = ROOT / "data" / "corpus.jsonl"

CHANNELS = {  # share of traffic
    "email": 0.22,
    "chat": 0.14,
    "facebook_comment": 0.13,
    "facebook_dm": 0.12,
    "instagram_comment": 0.10,
    "instagram_dm": 0.08,
    "x_post": 0.09,
    "app_review": 0.12,
}
PUBLIC = {"facebook_comment", "instagram_comment", "x_post", "app_review"}
THREADED = {"facebook_dm", "instagram_dm", "chat", "email"}

# Length class weights per channel: one-liner, short, medium, long.
LENGTHS = {
    "x_post": (0.70, 0.30, 0.0, 0.0),
    "facebook_comment": (0.55, 0.35, 0.10, 0.0),
    "instagram_comment": (0.65, 0.30, 0.05, 0.0),
    "app_review": (0.30, 0.45, 0.25, 0.0),
    "facebook_dm": (0.30, 0.40, 0.25, 0.05),
    "instagram_dm": (0.35, 0.40, 0.22, 0.03),
    "chat": (0.45, 0.40, 0.15, 0.0),
    "email": (0.02, 0.18, 0.45, 0.35),
}
MAX_CHARS = {"x_post": 280}

TOPIC_WEIGHTS = {
    "krankengeld": 0.12,
    "leistungen": 0.15,
    "beitraege": 0.09,
    "mitgliedschaft": 0.11,
    "pflege": 0.07,
    "praevention": 0.05,
    "aktionen": 0.06,
    "online_service": 0.10,
    "widerspruch": 0.07,
    "beschwerde": 0.07,
    "lob": 0.06,
    "sonstiges": 0.05,
}

# -- sentence pieces ---------------------------------------------------------
# ONE: complete one-liners. CORE: the main request. DETAIL: supporting facts.

ONE = {
    "krankengeld": [
        "Wann kommt endlich mein Krankengeld?",
        "Krankengeld immer noch nicht da??",
        "wie lange dauert die auszahlung vom krankengeld",
        "Ist meine eAU bei euch angekommen?",
        "Kinderkrankentage – wie viele hab ich noch?",
        "Krankengeld diesen Monat zu wenig überwiesen, warum?",
        "Bin seit 7 Wochen krank, was muss ich jetzt tun?",
        "Bekomme ich Kinderkrankengeld auch wenn mein Mann zuhause ist?",
    ],
    "leistungen": [
        "Zahlt ihr die professionelle Zahnreinigung?",
        "Übernehmt ihr Reiseimpfungen für Thailand?",
        "Gibt es Zuschuss für eine neue Brille?",
        "Wird Osteopathie bezahlt?",
        "Wie reiche ich eine Rechnung ein?",
        "Zahlt die Kasse die Zweitmeinung vor der OP?",
        "Wieviel gebt ihr für Zahnersatz dazu?",
        "übernehmt ihr hörgeräte komplett?",
        "Ist die Mutter-Kind-Kur eine Leistung bei euch?",
    ],
    "beitraege": [
        "Warum ist mein Beitrag schon wieder gestiegen?",
        "Wie hoch ist euer Zusatzbeitrag 2025?",
        "Ich hab eine Mahnung bekommen obwohl ich bezahlt hab!",
        "Lastschrift ist geplatzt, was nun?",
        "Was zahle ich als Student?",
        "Beitragsbescheid nicht nachvollziehbar.",
        "Kann ich die Beiträge in Raten zahlen?",
    ],
    "mitgliedschaft": [
        "Wie kann ich zu euch wechseln?",
        "Karte verloren – wie bekomme ich eine neue?",
        "Brauche dringend eine Mitgliedsbescheinigung für den Arbeitgeber",
        "Kann mein Sohn familienversichert bleiben?",
        "Wie kündige ich meine Mitgliedschaft?",
        "Neues Foto für die Gesundheitskarte hochladen, wie geht das?",
        "Ist meine Frau automatisch mitversichert?",
        "Wann kommt meine neue Versichertenkarte?",
    ],
    "pflege": [
        "Wie beantrage ich einen Pflegegrad für meine Mutter?",
        "Wann kommt der Medizinische Dienst zur Begutachtung?",
        "Pflegegeld diesen Monat nicht gekommen",
        "Wofür kann ich den Entlastungsbetrag nutzen?",
        "Höherstufung beantragt, wie lange dauert das?",
        "Zahlt die Pflegekasse den Treppenlift?",
    ],
    "praevention": [
        "Welche Yogakurse werden bezahlt?",
        "Wie funktioniert euer Bonusprogramm?",
        "Gibt es Rückenkurse online?",
        "Bonusheft abgeben – wo?",
        "Bezahlt ihr Ernährungsberatung?",
        "Kann ich den Präventionskurs auch im Urlaub machen?",
    ],
    "aktionen": [
        "Ich will beim Gewinnspiel mitmachen! 🍀",
        "Wann wird der Gewinner ausgelost?",
        "Hab ich gewonnen? 😄",
        "Toller Beitrag, danke fürs Teilen!",
        "Mitmachen! @lena_k @tomtom88",
        "Wo findet der Gesundheitstag statt?",
        "Gilt die Verlosung auch für Österreich?",
    ],
    "online_service": [
        "App stürzt beim Login ab",
        "Passwort vergessen und der Link kommt nicht an",
        "Upload der Rechnung geht nicht, Fehler 500",
        "Online-Geschäftsstelle down?",
        "Wie ändere ich meine Bankverbindung online?",
        "Die App sagt immer Sitzung abgelaufen",
        "Zwei-Faktor-Code kommt nicht per SMS",
        "Website lädt seit gestern nicht",
    ],
    "widerspruch": [
        "Ich lege Widerspruch gegen den Bescheid ein.",
        "Wie lange habe ich Zeit für einen Widerspruch?",
        "Meine Reha wurde abgelehnt, ich widerspreche!",
        "Widerspruch per Mail möglich?",
        "Warum wurde mein Antrag abgelehnt?",
        "Wie ist der Stand meines Widerspruchs?",
    ],
    "beschwerde": [
        "Seit einer Stunde in der Warteschlange. Unfassbar.",
        "Keiner erreichbar, wie immer.",
        "Schlechtester Service ever 👎",
        "Auf meinen Brief antwortet seit Wochen niemand!",
        "Warum habt ihr die Filiale bei uns geschlossen?",
        "Eure Hotline ist eine Frechheit",
        "Unfreundlicher Mitarbeiter am Telefon, echt jetzt?",
    ],
    "lob": [
        "Danke, super schnell geholfen! 👍",
        "Top Service, weiter so!",
        "Vielen Dank an die nette Dame am Telefon!",
        "Beste Krankenkasse 💚",
        "Hat alles reibungslos geklappt, danke!",
        "Wow, das ging schnell. Danke euch!",
        "Endlich mal eine Kasse die sich kümmert ❤️",
    ],
    "sonstiges": [
        "Hallo?",
        "??",
        "Test",
        "Wie ist das Wetter bei euch?",
        "Verdiene 5000€ im Monat von zuhause – Link in Bio",
        "Kennt jemand einen guten Hausarzt in Leipzig?",
        "Was haltet ihr von der neuen Regierung?",
        "ok",
        "Ist bei euch heute geöffnet?",
    ],
}

CORE = {
    "krankengeld": [
        "Ich bin seit {weeks} Wochen krankgeschrieben und habe noch keinen Cent Krankengeld bekommen.",
        "Mein Arbeitgeber sagt, die Lohnfortzahlung endet nächste Woche – ab wann zahlen Sie das Krankengeld?",
        "Die Auszahlung des Krankengeldes ist deutlich niedriger als berechnet, können Sie mir die Berechnung erklären?",
        "Mein Arzt hat die Folgebescheinigung elektronisch übermittelt, ist die eAU bei Ihnen angekommen?",
        "Ich möchte Kinderkrankengeld beantragen, weil mein Kind seit Montag Fieber hat.",
        "Wie viele Kinderkrankentage stehen mir dieses Jahr noch zu?",
        "Bitte teilen Sie mir mit, wann die nächste Zahlung des Krankengeldes erfolgt.",
        "Muss ich den Auszahlschein noch per Post schicken oder läuft das inzwischen digital?",
        "Ich wurde ausgesteuert und weiß nicht, wie es nach dem Krankengeld weitergeht.",
        "Meine Krankschreibung wurde verlängert, bekomme ich trotzdem ohne Unterbrechung Krankengeld?",
    ],
    "leistungen": [
        "Ich möchte wissen, ob Sie die Kosten für {service} übernehmen.",
        "Mein Zahnarzt hat einen Heil- und Kostenplan erstellt, wie hoch ist Ihr Zuschuss?",
        "Ich habe eine Rechnung über {amount} Euro für {service} und möchte sie zur Erstattung einreichen.",
        "Gibt es einen Zuschuss für {service}, und was muss ich dafür vorlegen?",
        "Meine Hausärztin empfiehlt eine Kur, welche Unterlagen brauchen Sie dafür?",
        "Wird eine Zweitmeinung vor meiner geplanten Operation von Ihnen bezahlt?",
        "Ich brauche ein neues Hilfsmittel und frage mich, ob ich in Vorleistung gehen muss.",
        "Übernehmen Sie Reiseimpfungen, wenn ich im Sommer nach Südostasien fliege?",
        "Wird die Behandlung beim Heilpraktiker anteilig erstattet?",
        "Wie läuft die Kostenübernahme für eine Haushaltshilfe nach der Entbindung?",
    ],
    "beitraege": [
        "Ich habe den Beitragsbescheid erhalten und verstehe nicht, wie der Betrag von {amount} Euro zustande kommt.",
        "Seit Januar wird ein höherer Beitrag abgebucht, ohne dass sich mein Einkommen geändert hat.",
        "Ich bin seit letztem Monat selbstständig, wie berechnen Sie jetzt meinen Beitrag?",
        "Sie haben mir eine Mahnung über {amount} Euro geschickt, obwohl ich per Lastschrift zahle.",
        "Die Lastschrift ist zurückgegangen, weil ich die Bank gewechselt habe.",
        "Kann ich den Rückstand in Raten abzahlen? Ich schaffe das gerade nicht auf einmal.",
        "Wie hoch ist der Zusatzbeitrag im nächsten Jahr und warum wird er erhöht?",
        "Ich habe zu viel Beitrag gezahlt und möchte die Erstattung beantragen.",
        "Als Student bin ich jetzt über 25, was kostet mich die Versicherung ab dem nächsten Semester?",
    ],
    "mitgliedschaft": [
        "Ich möchte zum nächsten möglichen Termin zu Ihnen wechseln, wie gehe ich vor?",
        "Meine Gesundheitskarte ist verloren gegangen, bitte schicken Sie mir eine neue.",
        "Ich brauche eine Mitgliedsbescheinigung für meinen neuen Arbeitgeber.",
        "Kann mein Mann in die Familienversicherung aufgenommen werden, er verdient nur einen Minijob?",
        "Ich kündige hiermit meine Mitgliedschaft zum nächstmöglichen Zeitpunkt.",
        "Mein Sohn beginnt eine Ausbildung, muss er sich jetzt selbst versichern?",
        "Ich habe geheiratet und möchte meinen Namen ändern lassen.",
        "Das Foto auf meiner Versichertenkarte ist veraltet, wie lade ich ein neues hoch?",
        "Ich ziehe ins Ausland, was passiert mit meiner Mitgliedschaft?",
    ],
    "pflege": [
        "Meine Mutter ist nach einem Sturz pflegebedürftig, wie beantragen wir einen Pflegegrad?",
        "Wir warten seit sechs Wochen auf den Termin für die Begutachtung durch den Medizinischen Dienst.",
        "Das Pflegegeld für meinen Vater ist diesen Monat nicht überwiesen worden.",
        "Wir möchten einen Pflegedienst beauftragen, wie wird das mit dem Pflegegeld verrechnet?",
        "Kann ich den Entlastungsbetrag auch für eine Haushaltshilfe nutzen?",
        "Der Zustand meiner Oma hat sich verschlechtert, wir möchten eine Höherstufung beantragen.",
        "Übernimmt die Pflegekasse den Umbau des Badezimmers?",
        "Ich pflege meinen Mann zu Hause, stehen mir Pflegekurse zu?",
    ],
    "praevention": [
        "Ich möchte einen Präventionskurs für Rückengymnastik machen, welche Kurse werden bezuschusst?",
        "Wie viel Bonus bekomme ich, wenn ich regelmäßig zur Vorsorge gehe?",
        "Ist der Yogakurs in meinem Fitnessstudio zertifiziert und wird er erstattet?",
        "Ich würde gern an Ihrem Online-Coaching zur Stressbewältigung teilnehmen.",
        "Gibt es eine Ernährungsberatung für Menschen mit Übergewicht?",
        "Ich habe mein Bonusheft voll, wie reiche ich es ein?",
        "Bieten Sie Kurse zur Raucherentwöhnung an?",
    ],
    "aktionen": [
        "Ich möchte am Gewinnspiel teilnehmen und habe die Frage im Beitrag beantwortet.",
        "Wann werden die Gewinner der Verlosung bekannt gegeben?",
        "Ich habe eine Nachricht bekommen, dass ich gewonnen habe – ist das echt oder Spam?",
        "Gibt es die Aktion mit dem Fitnessarmband noch?",
        "Toller Post! Wann gibt es die nächste Aktion zum Gesundheitstag?",
        "Kann ich beim Firmenlauf mit Ihrem Team mitlaufen?",
    ],
    "online_service": [
        "Ich kann mich seit dem Update nicht mehr in der App anmelden.",
        "Beim Hochladen der Rechnung erscheint immer eine Fehlermeldung.",
        "Ich habe mein Passwort vergessen und die E-Mail zum Zurücksetzen kommt nicht an.",
        "Die Online-Geschäftsstelle zeigt mir nur eine leere Seite an.",
        "Wie kann ich meine Adresse im Online-Portal ändern?",
        "Die Freischaltung per Post dauert ewig, geht das nicht schneller?",
        "Nach dem Handywechsel funktioniert die Anmeldung mit Face-ID nicht mehr.",
        "Im Postfach der App sehe ich Dokumente, die ich nicht öffnen kann.",
    ],
    "widerspruch": [
        "Hiermit lege ich fristgerecht Widerspruch gegen Ihren Bescheid vom {date} ein.",
        "Sie haben meinen Antrag auf {service} abgelehnt, das kann ich nicht nachvollziehen.",
        "Die Ablehnung der Reha ist für mich nicht akzeptabel, ich bitte um erneute Prüfung.",
        "Unsere Praxis widerspricht der Kürzung der Abrechnung für das letzte Quartal.",
        "Bis wann muss der Widerspruch spätestens bei Ihnen sein?",
        "Mein Widerspruch liegt seit drei Monaten bei Ihnen, wie ist der Stand?",
        "Bitte begründen Sie die Ablehnung ausführlich, damit ich widersprechen kann.",
    ],
    "beschwerde": [
        "Ich habe heute dreimal angerufen und bin jedes Mal nach zwanzig Minuten aus der Warteschleife geflogen.",
        "Auf meine E-Mail von vor vier Wochen hat bis heute niemand reagiert.",
        "Der Mitarbeiter am Telefon war ausgesprochen unfreundlich und hat einfach aufgelegt.",
        "Dass Sie die Geschäftsstelle in unserer Stadt schließen, ist für ältere Versicherte eine Zumutung.",
        "Ich werde von einer Abteilung zur nächsten geschickt und niemand fühlt sich zuständig.",
        "Ihr Rückrufservice hat versprochen, sich zu melden – passiert ist nichts.",
        "So einen schlechten Service habe ich bei keiner anderen Kasse erlebt.",
    ],
    "lob": [
        "Ich möchte mich herzlich für die schnelle Bearbeitung meines Antrags bedanken.",
        "Die Beratung in der Geschäftsstelle war wirklich hervorragend.",
        "Vielen Dank, dass Sie mir so unkompliziert geholfen haben.",
        "Ihre Mitarbeiterin am Telefon hat sich viel Zeit genommen, das weiß ich zu schätzen.",
        "Ich bin seit vielen Jahren bei Ihnen und immer zufrieden.",
        "Die neue App ist super übersichtlich, ein großes Lob an das Team!",
    ],
    "sonstiges": [
        "Ich wollte nur mal fragen, ob Sie auch Praktikumsplätze anbieten.",
        "Können Sie mir sagen, welche Apotheke am Sonntag geöffnet hat?",
        "Ich suche einen Facharzt in meiner Nähe, haben Sie eine Liste?",
        "Wer ist eigentlich für die Zulassung von Medikamenten zuständig?",
        "Leider weiß ich nicht genau, an wen ich mich wenden soll.",
        "Klick hier für gratis iPhone!!! www.gewinn-jetzt.example",
        "Ich habe eine Frage zu meiner Kfz-Versicherung.",
    ],
}

DETAIL = {
    "krankengeld": [
        "Die Arbeitsunfähigkeitsbescheinigung hat meine Ärztin am Montag übermittelt.",
        "Mein Arbeitgeber hat die Entgeltbescheinigung angeblich schon geschickt.",
        "Ohne das Geld kann ich meine Miete Ende des Monats nicht bezahlen.",
        "Das letzte Krankengeld kam am {date}.",
        "Ich habe alle Unterlagen vollständig eingereicht.",
    ],
    "leistungen": [
        "Den Kostenvoranschlag habe ich bereits eingereicht.",
        "Die Behandlung soll in drei Wochen beginnen.",
        "Bei meiner alten Kasse wurde das immer übernommen.",
        "Die Rechnung liegt mir im Original vor.",
        "Meine Ärztin hat die Notwendigkeit schriftlich bestätigt.",
    ],
    "beitraege": [
        "Mein Einkommen ist seit letztem Jahr sogar gesunken.",
        "Ich habe die Einkommensnachweise im März geschickt.",
        "Die Mahngebühren sehe ich nicht ein.",
        "Die neue Bankverbindung hatte ich Ihnen mitgeteilt.",
    ],
    "mitgliedschaft": [
        "Mein Arbeitsvertrag beginnt am Ersten des nächsten Monats.",
        "Die Karte wurde mir vermutlich im Zug gestohlen.",
        "Die Heiratsurkunde kann ich Ihnen gerne schicken.",
        "Bisher war ich bei einer Betriebskrankenkasse versichert.",
    ],
    "pflege": [
        "Sie lebt allein und braucht inzwischen Hilfe beim Anziehen und Waschen.",
        "Der Antrag ist vor acht Wochen rausgegangen.",
        "Wir sind als Familie mit der Situation ziemlich überfordert.",
        "Der Pflegedienst kommt zweimal täglich.",
    ],
    "praevention": [
        "Der Kurs kostet 120 Euro und geht über zehn Wochen.",
        "Ich habe im letzten Jahr schon einen Kurs gemacht.",
        "Die Teilnahmebescheinigung habe ich.",
    ],
    "aktionen": [
        "Ich verfolge Ihre Seite schon lange.",
        "Meine Freundin hat den Link mit mir geteilt.",
        "Die Teilnahmebedingungen habe ich gelesen.",
    ],
    "online_service": [
        "Ich nutze ein iPhone mit der aktuellsten Version.",
        "Neu installieren habe ich schon probiert.",
        "Am Computer klappt es auch nicht, egal welcher Browser.",
        "Die Fehlermeldung lautet: Ein unbekannter Fehler ist aufgetreten.",
    ],
    "widerspruch": [
        "Der Bescheid ist auf den {date} datiert.",
        "Ein ärztliches Attest reiche ich nach.",
        "Mein Orthopäde hält die Maßnahme für dringend notwendig.",
        "Das Aktenzeichen lautet {ref}.",
    ],
    "beschwerde": [
        "Ich bin seit über 20 Jahren Mitglied.",
        "Das ist nicht das erste Mal.",
        "Ich erwarte eine Entschuldigung und eine Lösung.",
        "So behandelt man keine Kunden.",
    ],
    "lob": [
        "Das hätte ich nicht erwartet.",
        "Ich werde Sie weiterempfehlen.",
        "Bitte richten Sie das auch der Teamleitung aus.",
    ],
    "sonstiges": [
        "Vielleicht können Sie mir ja trotzdem weiterhelfen.",
        "Ich hoffe, ich bin hier richtig.",
        "Entschuldigung, falls das die falsche Adresse ist.",
    ],
}

SERVICES = [
    "eine professionelle Zahnreinigung",
    "Einlagen",
    "eine Brille",
    "Physiotherapie",
    "eine Psychotherapie",
    "Osteopathie",
    "einen Rollator",
    "ein Hörgerät",
    "eine Mutter-Kind-Kur",
    "eine Haushaltshilfe",
    "künstliche Befruchtung",
    "eine Reha",
    "Kompressionsstrümpfe",
    "eine Kieferorthopädie",
]

# Urgency flavours, appended to some messages.
ESCALATION = {
    "high": [
        "Wenn sich bis Freitag nichts tut, schalte ich meinen Anwalt ein.",
        "Ich überlege ernsthaft zu kündigen.",
        "Das ist jetzt meine vierte Nachricht zu diesem Thema!",
        "Die Frist läuft übermorgen ab.",
        "Ich werde mich an die Presse wenden.",
        "Ich bin wirklich sauer!!!",
    ],
    "critical": [
        "Ich habe kein Geld mehr für Essen, bitte helfen Sie mir sofort.",
        "Die OP ist morgen früh und die Kostenübernahme fehlt immer noch.",
        "Ich weiß wirklich nicht mehr weiter und habe Angst, mir etwas anzutun.",
        "Mein Vater hat gerade Atemnot und der Pflegedienst kommt nicht.",
    ],
}

GREET_FORMAL = [
    "Sehr geehrte Damen und Herren,",
    "Guten Tag,",
    "Sehr geehrtes Service-Team,",
    "Hallo liebes Team der Gesundkasse,",
]
GREET_CASUAL = ["Hallo", "Hi", "Moin", "Servus", "Hey", "Guten Morgen", "Hallo zusammen"]
CLOSE_FORMAL = ["Mit freundlichen Grüßen", "Viele Grüße", "Freundliche Grüße", "Beste Grüße"]
CLOSE_CASUAL = ["Danke!", "LG", "Gruß", "Danke im Voraus", "VG", "Danke euch"]

STORY = [
    "Ich bin seit {years} Jahren bei Ihnen versichert und hatte bisher nie Probleme.",
    "Vorab: Ich habe bereits zweimal bei der Hotline angerufen.",
    "Leider konnte mir in der Geschäftsstelle niemand weiterhelfen.",
    "Ich schreibe Ihnen, weil ich telefonisch einfach niemanden erreiche.",
    "Die ganze Situation belastet mich und meine Familie sehr.",
    "Ich arbeite im Schichtdienst und kann nur abends telefonieren.",
    "Alle nötigen Unterlagen finden Sie im Anhang.",
    "Ich bitte um eine schriftliche Bestätigung.",
    "Falls noch etwas fehlt, melden Sie sich bitte bei mir.",
    "Ich wäre Ihnen sehr dankbar für eine schnelle Rückmeldung.",
    "Bitte antworten Sie mir per E-Mail, da ich tagsüber arbeite.",
    "Im letzten Schreiben stand etwas ganz anderes.",
    "Eine Kollegin meinte, das sei bei ihrer Kasse kein Problem gewesen.",
    "Ich habe das Formular ausgedruckt, ausgefüllt und eingescannt.",
    "Mir ist bewusst, dass Sie viele Anfragen haben.",
    "Zur Sicherheit schicke ich alles noch einmal per Post.",
]

FOLLOW_UP = [
    "Noch eine Frage dazu:",
    "Hallo nochmal,",
    "Ergänzung zu meiner letzten Nachricht:",
    "Gibt es schon etwas Neues?",
    "Danke für die Antwort.",
    "Sorry, hab was vergessen:",
    "Ich warte immer noch auf Rückmeldung.",
]

ENGLISH = ["sorry", "asap", "thanks", "btw", "nice", "fail", "customer service", "please"]
EMOJI = ["🙏", "😡", "🙄", "😢", "👍", "😊", "🤔", "💚", "😤", "!!!", "😂"]

CONDITIONS = [
    "Diabetes Typ 2",
    "Depression",
    "Bandscheibenvorfall",
    "Brustkrebs",
    "Long Covid",
    "Asthma",
    "Multiple Sklerose",
    "Burnout",
    "Migräne",
    "Bluthochdruck",
    "Schwangerschaftsdiabetes",
    "Morbus Crohn",
    "F32.1",
    "M51.2",
    "Pflegegrad 3",
    "GdB 50",
]
MEDICATIONS = [
    "Metformin 1000 mg",
    "Ibuprofen 600",
    "Insulin",
    "Sertralin 50 mg",
    "L-Thyroxin 75",
    "Ramipril 5 mg",
    "Methotrexat",
    "Tilidin",
    "Pantoprazol 40 mg",
    "Salbutamol",
]
REVIEW_TITLES = ["Na ja.", "Geht so", "Nervig!", "Praktisch", "Update kaputt", "Gute App"]
RELATIVES = ["meine Mutter", "mein Vater", "meine Frau", "mein Mann", "meine Tochter", "mein Sohn"]


def kvnr(rng: random.Random) -> str:
    """A KVNR: capital letter + 8 digits + check digit (weights 1,2 over 10 digits)."""
    letter = chr(ord("A") + rng.randrange(26))
    body = "".join(str(rng.randrange(10)) for _ in range(8))
    digits = f"{ord(letter) - 64:02d}" + body
    total = 0
    for i, d in enumerate(digits):
        p = int(d) * (1 if i % 2 == 0 else 2)
        total += p // 10 + p % 10
    return f"{letter}{body}{total % 10}"


def pension_number(rng: random.Random, born: date, surname: str) -> str:
    """A Rentenversicherungsnummer: area, DDMMYY, initial, serial, check digit."""
    area = rng.choice(["12", "13", "15", "23", "40", "53", "65"])
    letter = (surname[:1] or "M").upper()
    if not "A" <= letter <= "Z":
        letter = "M"
    serial = f"{rng.randrange(100):02d}"
    digits = area + born.strftime("%d%m%y") + f"{ord(letter) - 64:02d}" + serial
    weights = [2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1]
    total = sum(
        (int(d) * w) // 10 + (int(d) * w) % 10 for d, w in zip(digits, weights, strict=True)
    )
    return f"{area}{born.strftime('%d%m%y')}{letter}{serial}{total % 10}"


class Composer:
    def __init__(self, seed: int) -> None:
        self.had_pii = False  # whether the last message got personal data
        self.rng = random.Random(seed)
        self.fake = Faker("de_DE")
        self.fake.seed_instance(seed)

    # -- helpers -------------------------------------------------------------

    def pick(self, items: list[str]) -> str:
        return self.rng.choice(items)

    def fill(self, s: str) -> str:
        r = self.rng
        return s.format(
            weeks=r.randint(2, 30),
            years=r.randint(2, 35),
            amount=f"{r.randint(30, 2400)},{r.choice(['00', '50', '90', '17'])}",
            service=self.pick(SERVICES),
            date=f"{r.randint(1, 28):02d}.{r.randint(1, 12):02d}.2025",
            ref=f"{r.randint(2023, 2025)}-W-{r.randint(1000, 9999)}",
        )

    def pii_sentence(self) -> str:
        f, r = self.fake, self.rng
        first, last = f.first_name(), f.last_name()
        born = f.date_of_birth(minimum_age=18, maximum_age=92)
        kind = r.choice(
            ["name", "name", "kvnr", "phone", "email", "iban", "dob", "address", "health",
             "medication", "rvnr", "relative", "doctor"]
        )  # fmt: skip
        if kind == "name":
            return r.choice(
                [f"Mein Name ist {first} {last}.", f"Hier schreibt {first} {last}.",
                 f"ich bin die {first} {last}", f"Ich bin {first} {last} und versichert bei Ihnen."]
            )  # fmt: skip
        if kind == "kvnr":
            return r.choice(
                [f"Meine Versichertennummer ist {kvnr(r)}.", f"KVNR: {kvnr(r)}",
                 f"Versicherten-Nr. {kvnr(r)}"]
            )  # fmt: skip
        if kind == "phone":
            return r.choice(
                [f"Sie erreichen mich unter {f.phone_number()}.", f"Bitte ruft mich an: {f.phone_number()}",
                 f"Rückruf bitte unter {f.phone_number()}"]
            )  # fmt: skip
        if kind == "email":
            return r.choice(
                [f"Meine E-Mail-Adresse lautet {f.free_email()}.", f"Antwort bitte an {f.email()}"]
            )  # fmt: skip
        if kind == "iban":
            iban = f.iban()
            if r.random() < 0.6:
                iban = " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
            return r.choice(
                [f"Meine neue IBAN ist {iban}.", f"Bitte überweisen Sie auf {iban}.", f"IBAN: {iban}"]
            )  # fmt: skip
        if kind == "dob":
            return r.choice(
                [f"Ich bin am {born.strftime('%d.%m.%Y')} geboren.", f"geb. {born.strftime('%d.%m.%Y')}",
                 f"Geburtsdatum: {born.strftime('%d.%m.%Y')}"]
            )  # fmt: skip
        if kind == "address":
            return r.choice(
                [f"Ich wohne in der {f.street_address()}, {f.postcode()} {f.city()}.",
                 f"Neue Anschrift: {f.street_address()}, {f.postcode()} {f.city()}"]
            )  # fmt: skip
        if kind == "health":
            return r.choice(
                [f"Bei mir wurde {self.pick(CONDITIONS)} diagnostiziert.",
                 f"Ich habe {self.pick(CONDITIONS)}.", f"Diagnose laut Attest: {self.pick(CONDITIONS)}."]
            )  # fmt: skip
        if kind == "medication":
            return r.choice(
                [f"Ich nehme täglich {self.pick(MEDICATIONS)}.",
                 f"Mir wurde {self.pick(MEDICATIONS)} verschrieben."]
            )  # fmt: skip
        if kind == "rvnr":
            return f"Meine Rentenversicherungsnummer: {pension_number(r, born, last)}"
        if kind == "relative":
            return (
                f"Es geht um {self.pick(RELATIVES)}, {first} {last}, geboren am "
                f"{born.strftime('%d.%m.%Y')}."
            )
        return f"Meine Ärztin Dr. {last} hat das so verordnet."

    def signature(self) -> str:
        f, r = self.fake, self.rng
        first, last = f.first_name(), f.last_name()
        lines = [f"{first} {last}"]
        if r.random() < 0.6:
            lines.append(f"{f.street_address()}\n{f.postcode()} {f.city()}")
        if r.random() < 0.6:
            lines.append(f"Tel.: {f.phone_number()}")
        if r.random() < 0.5:
            lines.append(f"Versichertennummer: {kvnr(r)}")
        return "\n".join(lines)

    def noisy(self, text: str, channel: str) -> str:
        r = self.rng
        if channel in PUBLIC or channel in {"facebook_dm", "instagram_dm", "chat"}:
            if r.random() < 0.25:
                text = text.lower()
            if r.random() < 0.15:
                text = (
                    text.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
                )
            if r.random() < 0.2:
                words = text.split(" ")
                i = r.randrange(len(words))
                w = words[i]
                if len(w) > 4:
                    j = r.randrange(len(w) - 2)
                    words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
                text = " ".join(words)
            if r.random() < 0.1:
                text = text.rstrip(".") + f" {self.pick(ENGLISH)}"
            if r.random() < 0.3:
                text = f"{text} {self.pick(EMOJI)}"
        return text

    # -- messages ------------------------------------------------------------

    def message(self, topic: str, channel: str, follow_up: bool = False) -> str:
        r = self.rng
        length = r.choices(["one", "short", "medium", "long"], weights=LENGTHS[channel])[0]
        pii = r.random() < (0.2 if length in ("one", "short") else 0.45)
        urgency = r.choices(["normal", "high", "critical"], weights=[0.84, 0.13, 0.03])[0]
        if topic in ("lob", "aktionen", "sonstiges"):
            urgency = "normal"
        self.had_pii = False
        parts: list[str] = []
        if follow_up:
            parts.append(self.pick(FOLLOW_UP))
        if length == "one":
            parts.append(self.pick(ONE[topic]))
            if pii and r.random() < 0.5:
                parts.append(self.pii_sentence())
                self.had_pii = True
            elif urgency != "normal" and r.random() < 0.5:
                parts.append(self.pick(ESCALATION[urgency]))
            return self.noisy(" ".join(parts), channel)

        n_core = {"short": 1, "medium": 2, "long": r.randint(3, 4)}[length]
        n_detail = {"short": r.randint(0, 1), "medium": r.randint(1, 2), "long": r.randint(2, 4)}[
            length
        ]
        n_story = {"short": 0, "medium": r.randint(0, 2), "long": r.randint(4, 12)}[length]
        body = [self.fill(s) for s in r.sample(CORE[topic], min(n_core, len(CORE[topic])))]
        body += [self.fill(s) for s in r.sample(DETAIL[topic], min(n_detail, len(DETAIL[topic])))]
        body += [self.fill(s) for s in r.sample(STORY, n_story)]
        if length == "long" and r.random() < 0.4:  # a second concern in the same e-mail
            other = r.choice([t for t in CORE if t != topic])
            body.append("Außerdem noch eine Frage: " + self.fill(self.pick(CORE[other])))
        rest = body[1:]
        r.shuffle(rest)
        body = body[:1] + rest
        if pii:
            self.had_pii = True
            for _ in range(r.randint(1, 3 if length == "long" else 2)):
                body.insert(r.randint(0, len(body)), self.pii_sentence())
        if urgency != "normal":
            body.append(self.pick(ESCALATION[urgency]))

        formal = channel == "email" or (channel in THREADED and r.random() < 0.2)
        if formal:
            paragraphs: list[str] = []
            chunk = max(1, len(body) // r.randint(1, 3))
            for i in range(0, len(body), chunk):
                paragraphs.append(" ".join(body[i : i + chunk]))
            text = "\n\n".join(paragraphs)
            greet = self.pick(GREET_FORMAL)
            close = self.pick(CLOSE_FORMAL)
            sig = self.signature() if pii and r.random() < 0.7 else self.fake.first_name()
            text = f"{greet}\n\n{text}\n\n{close}\n{sig}"
            if length == "long" and r.random() < 0.35:  # quoted history
                quoted = [self.fill(s) for s in r.sample(CORE[topic], 2)]
                quoted += [self.fill(q) for q in r.sample(STORY, r.randint(2, 6))]
                text += "\n\n-----Ursprüngliche Nachricht-----\n" + "\n".join(
                    f"> {q}" for q in quoted
                )
            return text
        greet = self.pick(GREET_CASUAL) + r.choice([",", "!", "", " :)"])
        close = self.pick(CLOSE_CASUAL) if r.random() < 0.5 else ""
        if channel == "app_review":
            stars = "⭐" * (5 if topic == "lob" else r.randint(1, 3))
            greet = r.choice([stars, "", f"{stars} {self.pick(REVIEW_TITLES)}"])
        elif channel == "x_post":
            greet = r.choice(["@Gesundkasse", "", "", greet])
        text = " ".join(p for p in [greet, *body, close] if p).strip()
        text = self.noisy(text, channel)
        limit = MAX_CHARS.get(channel)
        if limit and len(text) > limit:
            text = text[: limit - 1].rsplit(" ", 1)[0] + "…"
        return text


def generate(n: int, seed: int) -> tuple[list[dict[str, str]], int, Counter[str]]:
    comp = Composer(seed)
    r = comp.rng
    channels, cw = zip(*CHANNELS.items(), strict=True)
    topics, tw = zip(*TOPIC_WEIGHTS.items(), strict=True)
    open_threads: list[dict[str, object]] = []
    rows: list[dict[str, str]] = []
    thread_no = 0
    with_pii = 0
    topic_counts: Counter[str] = Counter()
    while len(rows) < n:
        if open_threads and r.random() < 0.25:
            th = r.choice(open_threads)
            topic = th["topic"] if r.random() < 0.85 else r.choices(topics, weights=tw)[0]
            text = comp.message(str(topic), str(th["channel"]), follow_up=True)
            row = {"channel": str(th["channel"]), "thread_id": str(th["id"])}
            th["left"] = int(th["left"]) - 1  # type: ignore[call-overload]
            if th["left"] <= 0:  # type: ignore[operator]
                open_threads.remove(th)
        else:
            channel = r.choices(channels, weights=cw)[0]
            topic = r.choices(topics, weights=tw)[0]
            if channel == "app_review" and r.random() < 0.5:  # reviews are mostly about the app
                topic = "online_service"
            elif channel == "app_review" and r.random() < 0.2:
                topic = r.choice(["lob", "beschwerde"])
            text = comp.message(topic, channel)
            row = {"channel": channel}
            if channel in THREADED and r.random() < 0.2:
                thread_no += 1
                tid = f"t-{thread_no:05d}"
                row["thread_id"] = tid
                open_threads.append(
                    {"id": tid, "channel": channel, "topic": topic, "left": r.randint(1, 3)}
                )
        rows.append({"id": f"m{len(rows) + 1:05d}", "text": text, **row})
        with_pii += comp.had_pii
        topic_counts[str(topic)] += 1
    return rows, with_pii, topic_counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    rows, with_pii, topic_counts = generate(args.n, args.seed)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8", newline="\n") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    lengths = sorted(len(r["text"]) for r in rows)
    print(
        f"wrote {len(rows)} messages to {args.out} ({args.out.stat().st_size / 1e6:.2f} MB); "
        f"chars p10/p50/p90/max {lengths[len(rows) // 10]}/{lengths[len(rows) // 2]}/"
        f"{lengths[9 * len(rows) // 10]}/{lengths[-1]}; "
        f"threads {len({r['thread_id'] for r in rows if 'thread_id' in r})}; "
        f"with personal data {with_pii / len(rows):.1%}"
    )
    print("channels:", dict(Counter(r["channel"] for r in rows).most_common()))
    print("topics (intended):", dict(topic_counts.most_common()))


if __name__ == "__main__":
    main()
