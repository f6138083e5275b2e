"""Health conditions: diagnoses, symptoms, disabilities, pregnancy, ICD-10, care grade."""

from __future__ import annotations

import regex

from replyassist.masking.lexicon import Lexicon, Token, read_lines, tokenize
from replyassist.masking.recognizers._base import SpanRecognizer

#: Words that, shortly before a "~" lexicon entry, make it personal.
CUES = frozenset(
    [
        "habe",
        "hab",
        "hab's",
        "hat",
        "hatte",
        "hatten",
        "habt",
        "haben",
        "leide",
        "leidet",
        "litt",
        "erkrankt",
        "diagnose",
        "diagnostiziert",
        "festgestellt",
        "wegen",
        "an",
        "meine",
        "meiner",
        "meinem",
        "mein",
        "seit",
        "akute",
        "akuter",
        "chronisch",
        "chronische",
        "chronischer",
        "schwere",
        "schwerer",
        "schwerem",
        "bin",
        "ist",
        "sind",
        "war",
        "bekommen",
        "bekam",
        "kriege",
        "krieg",
        "gekriegt",
    ]
)

# Compound suffixes: German builds diagnoses by compounding ("Lungen-" +
# "entzündung"), so an unseen compound is recognised by its head.
_SUFFIX_RE = regex.compile(
    r"\w{3,}(?:krebs|karzinom|tumor|tumore|itis|algie|(?<!pr)ämie|syndrom|schmerzen|schmerz"
    r"|entzündung|entzündungen|infarkt|insuffizienz|lähmung|allergie|allergien"
    r"|unverträglichkeit|intoleranz|erkrankung|erkrankungen|depression|depressionen"
    r"|diabetes|fraktur|blutung|geschwür|ödem|phobie|demenz|sklerose|stenose|kolik"
    r"|trauma|anfall|anfälle|infektion|behinderung|behindert|gelähmt|patient|patientin"
    r"|schwäche|krank|kranke|kranker|neurose|psychose|thrombose|arthrose|fibrose|dermatose)"
    r"|\w*(?:bein|arm|knochen|leisten|narben|nabel|hand|fuß|zehen|finger|rippen|wirbel|hüft"
    r"|schenkel|gelenk|schädel|kiefer|becken|knöchel|nasenbein|nervenzusammen)s?bruch"
    r"|\w{2,}(?<!netz|verbindungs|server|betriebs|app|system|funk|strom|ruhe|technik|leitungs"
    r"|stör|verkehrs|bahn|telefon)störung(?:en)?"
    r"|\w*(?:band|bänder|meniskus|sehnen|muskel|faser|netzhaut|kapsel|knorpel)riss"
    r"|\w*(?:bandscheiben|gebärmutter|darm)vorfall"
    r"|\w*(?:alkohol|drogen|medikamenten|opioid|nikotin|heroin|kokain)(?:abhängig|abhängigkeit|sucht)"
    r"|\w{4,}(?<!ge|be|ver|unter|sehn|eifer)sucht"
    r"|\w{3,}(?<!sym|anti|em|tele|homöo|osteo|natur)pathie"
    r"|\w*(?:dys|hyper|hypo|neo|a)plasie"
    r"|\w{4,}zustände"
    r"|\w{3,}(?:krankheit|krankheiten|verletzung|verletzungen|krämpfe|krampf|ausschlag|atrophie"
    r"|syndroms|syndromen|ämien|protrusion|verlagerung)"
    r"|\w*(?:schlaf|atem|kreislauf|herz|magen|darm|nieren|blasen|rücken|gelenk|haut|sprach)probleme?n?"
    r"|\w*(?:spreiz|platt|klump|hohl|senk|knick)fuß"
    r"|\w*(?:opiat|opioid|tabletten|benzo|cannabis|spiel|kauf|mager|fett)(?:abhängig|abhängigkeit|sucht)"
)
#: "-ose" is the medical suffix for a disease state (Sarkoidose, Thrombose) but
#: also ends ordinary words (Diagnose, Steckdose, Hose, kostenlose, Franzose).
_OSE_RE = regex.compile(r"\w{4,}osen?")
_OSE_NOT = (
    "dose",
    "dosen",
    "hose",
    "hosen",
    "rose",
    "rosen",
    "lose",
    "losen",
    "gnose",
    "gnosen",
    "hypnose",
    "narkose",
    "kose",
    "zose",
    "zosen",
    "trose",
    "mose",
    "tuose",
    "biose",
    "lulose",
    "pose",
    "nose",
    "sose",
    "chose",
    "ktose",
)
_OSE_DISEASE = ("idose", "throse", "rrhose", "kulose", "porose")


def _is_ose_disease(key: str) -> bool:
    """Mukoviszidose, Arthrose, Zirrhose, Tuberkulose, Sarkoidose yes; Diagnose, Hose no."""
    if not _OSE_RE.fullmatch(key):
        return False
    return key.endswith(_OSE_DISEASE) or not key.endswith(_OSE_NOT)


_SUFFIX_EXCLUDE = frozenset(
    [
        "privatpatient",
        "privatpatientin",
        "kassenpatient",
        "kassenpatientin",
        "neupatient",
        "neupatientin",
        "schmerzensgeld",
        "netzstörung",
        "verbindungsschwäche",
        "führungsschwäche",
        "kaufkraftschwäche",
        "wirtschaftskrise",
        "nervenkrank",
        "computervirus",
        "lebensgefährlich",
    ]
)

_ICD_RE = regex.compile(r"(?<![\w.])[A-Z][0-9]{2}\.[0-9]{1,2}[GVAZRLB]?(?!\w|\.\d)")
_ICD_ANY_CASE_RE = regex.compile(
    r"(?i)(?<![\w.])[a-z][0-9]{2}(?:\.[0-9]{1,2})?[gvazrlb]?(?!\w|\.\d)"
)
_ICD_CONTEXT = regex.compile(
    r"(?i)(?:icd|diagnose|diagnoseschlüssel|schlüssel|code|au\b|krankschreibung)"
)
_MORBUS_RE = regex.compile(r"(?i)\bmorbus\s+[\p{L}-]{3,}")
#: Qualifiers that belong to the diagnosis: "Diabetes Typ 2", "Krebs im Frühstadium".
_QUALIFIER_RE = regex.compile(
    r"(?i)\s+(?:typ\s?[12]|grad\s?[1-4]|stadium\s?(?:[1-4]|I{1,3}V?)|im\s+(?:früh|end|spät|anfangs)stadium"
    r"|mit\s+metastasen|mellitus(?:\s+typ\s?[12])?|bronchiale|(?:mit|ohne)\s+aura|gold\s?[1-4]"
    r"|\p{L}{3,}(?:alis|ale|osum|osa|osus|icus|ica|ans)(?:\s+\p{L}{3,}(?:alis|ale|osum|osa|osus|icus|ica))?)\b"
)
_PRE_QUALIFIER_RE = regex.compile(
    r"(?i)\b(?:chronisch|akut|schwer|leicht|mittelgradig|rezidivierend|beidseitig|fortgeschritten"
    r"|diabetisch|allergisch|psychisch|bipolar|metastasiert|bösartig|gutartig|halbseitig|einseitig"
    r"|linksseitig|rechtsseitig|spastisch|infantil|vaskulär|depressiv|epileptisch|kreisrund"
    r"|rheumatoid|generalisiert|paranoid|koronar|rezidivierend depressiv|stark|arteriell"
    r"|rezidivierend(?:e|er|en)?\s+depressiv|multipl|diabetisch|offen|vorzeitig|grau|grün"
    # medical adjective shapes: "systemisch", "frühkindlich", "lymphatisch",
    # "progredient", "infiltrierend", "drogeninduziert", "postpartal"
    r"|\p{Ll}{3,}(?:isch|kindlich|atisch|ient|ierend|induziert|partal|natal|gen|ös|iv|är|al))"
    r"(?:e|er|en|es|em)?\s+$"
)
_HEADS = regex.compile(
    r"syndrom|erkrankung|erkrankungen|krebs|karzinom|tumor|störung|störungen|allergie"
    r"|entzündung|infektion|schmerzen|insuffizienz|lähmung|demenz|depression|diabetes"
)
_CARE_RE = regex.compile(
    r"(?i)\b(?:pflegegrad|pflegestufe)\s*(?:von\s+|:\s*)?(?:[1-5]|eins|zwei|drei|vier|fünf|I{1,3}V?|V)\b"
    r"|(?-i:\bPG\s?[1-5]\b)"
)
_GDB_RE = regex.compile(
    r"(?i)\b(?:gdb|grad\s+der\s+behinderung|behinderungsgrad)\s*(?:von\s+|:\s*|=\s*)?\d{2,3}\b(?:\s*%)?"
    r"|\b\d{2,3}\s*%?\s*(?:gdb|schwerbehinderung|schwerbehindert)\b"
    r"|\bmerkzeichen\s+(?-i:aG|G|B|H|Bl|Gl|TBl|RF)\b"
)
#: Body mass index and orthodontic indication group: "BMI 48", "KIG 4".
_MEASURE_RE = regex.compile(
    r"(?i)\bbmi\s*(?:von\s+|:\s*|=\s*)?\d{2}(?:[.,]\d)?\b(?!\s*(?:€|%|euro))|(?-i:\bKIG\s?[1-5]\b)"
    r"|\bgleason(?:[\s-]*score)?\s*(?:von\s+)?\d{1,2}(?:\s*\(\d\s*\+\s*\d\))?"
)
#: Eyesight: "-6,5 Dioptrien", "+2 dpt"; a bare signed value ("hab -8") only
#: with an eyesight word nearby.
_DIOPTER_RE = regex.compile(r"(?i)[-+−]?\s?\d{1,2}(?:[.,]\d{1,2})?\s*(?:dioptrien|dioptrie|dpt)\b")
_SIGNED_RE = regex.compile(
    r"(?<![\w.,])[-−+]\s?\d{1,2}(?:[.,]\d{1,2})?(?![\d.,]?\d|\s*(?:€|%|euro|grad|°|uhr))"
)
_EYE_CONTEXT = regex.compile(
    r"(?i)brille|kontaktlinse|linsen\b|augen|sehstärke|sehkraft|sehhilfe|kurzsichtig|weitsichtig"
)
#: Symptoms; alone they are a topic ("Kostenübernahme bei Fieber?"), personal
#: with a number or intensity ("40 Fieber", "starke Schmerzen"), a personal cue
#: ("hab", "meine") or an intensity after them ("die Schmerzen sind unerträglich").
_SYMPTOMS = frozenset(
    [
        "schmerzen",
        "schmerz",
        "fieber",
        "krämpfe",
        "atemnot",
        "übelkeit",
        "schwindel",
        "durchfall",
        "erbrechen",
        "husten",
        "ausschlag",
        "juckreiz",
        "schüttelfrost",
        "herzrasen",
        "blutung",
        "blutungen",
        "taubheitsgefühl",
        "taubheitsgefühle",
        "müde",
        "erschöpft",
        "nasenbluten",
        "schlapp",
        "eiter",
        "fever",
        "vomiting",
        "pain",
    ]
)
_INTENSITY = frozenset(
    [
        "starke",
        "starken",
        "starker",
        "heftige",
        "heftigen",
        "heftiger",
        "massive",
        "massiven",
        "unerträgliche",
        "unerträglichen",
        "ständige",
        "ständigen",
        "dauerhafte",
        "dauerhaften",
        "extreme",
        "extremen",
        "schlimme",
        "schlimmen",
        "hohes",
        "hohem",
        "grad",
        "unerträglich",
        "schlimm",
        "schlimmer",
        "stärker",
        "unaushaltbar",
        "höllische",
        "höllischen",
        "ständig",
        "dauernd",
        "krasse",
        "krassen",
        "furchtbare",
        "furchtbaren",
        "fürchterliche",
        "fürchterlichen",
        "wahnsinnige",
        "wahnsinnigen",
        "extrem",
        "dauerhaft",
        "krass",
        "heftig",
        "high",
        "severe",
        "so",
    ]
)
#: Body parts that get broken, torn, swollen or inflamed (singular and plural).
_BODY_PARTS = (
    r"arm|arme|bein|beine|hand|hände|handgelenk|finger|daumen|zeh|zehe|zehen|fuß|füße|knöchel"
    r"|sprunggelenk|knie|kniescheibe|meniskus|kreuzband|außenband|innenband|bänder|sehne|sehnen"
    r"|achillessehne|schulter|schlüsselbein|ellenbogen|hüfte|becken|rippe|rippen|wirbel|rücken"
    r"|nacken|hals|kiefer|zahn|zähne|schneidezahn|schneidezähne|backenzahn|weisheitszahn|zahnfleisch"
    r"|lippe|lippen|nase|auge|augen|ohr|ohren|trommelfell|hornhaut|backe|wange|gesicht|kopf"
    r"|nieren|niere|leber|lunge|blase|haut|wade|oberschenkel|unterschenkel|schienbein"
)
#: What a body can no longer do: "kann kaum laufen", "nicht frei sitzen kann".
_ABILITIES = (
    r"(?:atmen|laufen|gehen|stehen|sitzen|bewegen|konzentrieren|schlafen|sprechen|schlucken"
    r"|sehen|hören|essen|aufstehen|greifen|kauen|halten|heben|treppensteigen|riechen|schmecken)"
)
#: Symptoms people write as a phrase rather than a noun (group 1 is the span):
#: "kriegt schlecht luft", "kann kaum atmen", "mir ist ständig schwindelig".
_PHRASE_RES = (
    regex.compile(
        r"(?i)(?:\b(?:krieg\w*|bekomm\w*|bekam\w*|hab\w*|hat|hatte)\s+(?:\w+\s+){0,4}?|\b(?:mit|und)\s+)"
        r"((?:kaum|schlecht|schwer|keine|wenig|nicht\s+genug)\s+luft)\b(?!\s+(?:zum|für|vor|nach|zwischen|mehr\s+nach)\b)"
    ),
    regex.compile(
        r"(?i)\b(?:kann|kannst|konnte|könne|kann\s+er|kann\s+sie)\s+(?:\w+\s+){0,2}?"
        r"((?:kaum|schlecht|schwer|nicht|nich)(?:\s+(?:mehr|noch|richtig|frei"
        r"|lange|gerade))*\s+(?:die\s+\w+\s+)?" + _ABILITIES + r")\b"
    ),
    # the same at the end of a clause: "so schwach, dass sie nicht stehen kann",
    # "nur noch an Krücken gehen"
    regex.compile(
        r"(?i)\b(?:dass|weil|da|wenn|ob|sodass|seit)\s+(?:\w+\s+){0,3}?"
        r"((?:kaum|schlecht|schwer|nicht|nich)(?:\s+(?:mehr|noch|richtig|frei))*\s+"
        + _ABILITIES
        + r"\s+(?:kann|kannst|konnte|können|könnte))\b"
        r"|\b(nur\s+(?:noch\s+)?(?:an|mit)\s+(?:krücken|gehhilfen?|rollator|stock)\s+(?:gehen|laufen))\b"
    ),
    # lasting tiredness said of oneself or someone: "bin immer müde", "ist ständig erschöpft"
    regex.compile(
        r"(?i)\b(?:bin|ist|sind|war|fühl\w*\s+mich)\s+(?:\w+\s+){0,2}?"
        r"((?:ständig|immer|dauernd|total|extrem|permanent|chronisch|nur\s+noch)\s+(?:so\s+)?"
        r"(?:müde|erschöpft|kraftlos|schlapp|antriebslos|matt))\b(?!\s+(?:von|vom|wegen)\b)"
    ),
    # sleep: "schläft kaum", "schlaf ich nicht mehr", "schlafe kaum noch 4 Stunden"
    regex.compile(
        r"(?i)\b(schl[aä]f(?:e|t|st)?\s+(?:ich\s+|er\s+|sie\s+)?(?:kaum|nicht\s+mehr|schlecht|nur\s+noch)"
        r"(?:\s+noch)?(?:\s+\d+\s+stunden)?)\b"
    ),
    # a body part doing what it should not: "herz rast", "hände zittern", "seh doppelt"
    regex.compile(
        r"(?i)\b((?:herz\s+(?:rast|stolpert|rasen|stolpern)|hände\s+zitter(?:n|t)"
        r"|seh(?:e)?\s+(?:doppelt|verschwommen)|sehe\s+\w+\s+(?:\w+\s+)?(?:\w+\s+)?verschwommen"
        r"|hör(?:e|t)\s+stimmen|atmet\s+(?:komisch|schwer|kaum|flach)|spricht\s+(?:\w+\s+)?undeutlich"
        r"|schwarz\s+vor\s+(?:den\s+)?augen|druck\s+auf\s+der\s+brust"
        r"|kribbeln\s+(?:im|in\s+der)\s+(?:linken\s+|rechten\s+)?(?:arm|hand|bein|fuß|gesicht)"
        r"|(?:arm|bein|hand|gesicht)\s+ist\s+taub|nehm(?:e)?\s+immer\s+weiter\s+ab"
        r"|f[äa]ll(?:t|e)\s+(?:\w+\s+)?hin|umkipp\w*|kipp(?:e|t)\s+(?:\w+\s+)?um"
        r"|erbrich(?:t)?\s+sich|übergib(?:t)?\s+sich|übergebe\s+mich))\b"
    ),
    # injuries told as events: "hat sich das Handgelenk gebrochen", "hab mir den Knöchel verdreht"
    regex.compile(
        r"(?i)\b(?:mir|sich|ihm|ihr)\s+(?:\w+\s+){0,3}?(?:das|den|die|ein|einen|eine)\s+"
        r"((?:linke[nrs]?\s+|rechte[nrs]?\s+)?\p{L}{3,}\s+(?:gebrochen|verdreht|verstaucht|gerissen"
        r"|verbrannt|ausgekugelt|geprellt|angebrochen|gezerrt))\b"
    ),
    # suicidal thoughts; the words stay a condition whoever reads them
    regex.compile(
        r"(?i)\b((?:mich|sich)\s+(?:\w+\s+){0,2}?umzubringen|mich\s+umbringen"
        r"|(?:mir|sich)\s+(?:was|etwas)\s+an(?:zu)?tun|nicht\s+mehr\s+leben\s+will"
        r"|(?:mir|sich)\s+das\s+leben\s+(?:zu\s+)?nehmen"
        r"|(?:will|möchte|mag)\s+nicht\s+mehr\s+leben"
        r"|(?:will|möchte|wollte)\s+(?:(?:eigentlich|einfach|nur|noch|am\s+liebsten|lieber)\s+){0,3}"
        r"(?:sterben|tot\s+sein|nicht\s+mehr\s+(?:aufwachen|da\s+sein|hier\s+sein))"
        r"|keinen?\s+(?:bock|lust|kraft|sinn)\s+mehr\s+(?:auf|in|für)\s+(?:dieses|das|mein)\s+leben"
        r"|spring\w*\s+(?:ich\s+)?(?:von\s+(?:der|einer)\s+brücke|vom\s+dach|vor\s+(?:den|einen)\s+zug)"
        r"|(?:mir|mich|sich)\s+(?:\w+\s+){0,2}?(?:in\s+den|in\s+die)\s+(?:arm|arme|bein|beine|handgelenk)"
        r"\s+geschnitten)\b"
    ),
    # responsiveness: "reagiert kaum noch", "ist kaum ansprechbar", "umgekippt",
    # "krampft" (a person as subject; "die Seite reagiert nicht" is not meant)
    regex.compile(
        r"(?i)(?<=\b(?:und|er|sie|kind|baby|papa|mama|vater|mutter|mann|frau|oma|opa|sohn|tochter"
        r"|bruder|schwester|freund|freundin|patient\w*)\s+(?:\w+\s+){0,2})"
        r"\b(reagier(?:t|en)\s+(?:kaum|nicht|gar\s+nicht)(?:\s+(?:mehr|noch))?)"
        r"(?=\s*(?:[.,!?;]|$|und\b|was\b|wie\b))"
        r"|\b(ansprechbar\s+(?:kaum|nicht|gar\s+nicht)(?:\s+(?:mehr|noch))?"
        r"|(?:kaum|nicht|nicht\s+mehr)\s+ansprechbar"
        r"|krampf(?:t|en)\b(?![^.!?\n]{0,25}\b(?:zusammen|fest)\b)"
        r"|umgekippt|zusammengebrochen\b(?=[^.!?\n]{0,20}\b(?:reagier|atmet|bewusst|ansprechbar)))"
    ),
    # eating, speaking, hearing, seeing: "isst kaum noch etwas", "redet kaum",
    # "hört seit Monaten schlecht", "sieht fast nichts mehr"; never a complaint
    # ("ich höre nichts mehr von euch")
    regex.compile(
        r"(?i)\b((?:trinkt|isst|esse|ess)\s+(?:(?:seit\s+\w+\s+)?(?:kaum|nichts|nicht)(?:\s+(?:mehr|noch))?"
        r"(?:\s+(?:etwas|was|richtig))?)(?=\s*(?:[.,!?;)]|$|und\b|oder\b|seit\b))"
        r"|(?:redet|spricht|rede|spreche)\s+(?:kaum|fast\s+gar\s+nicht|gar\s+nicht\s+mehr|nicht\s+mehr)"
        r"(?:\s+noch)?(?=\s*(?:[.,!?;)]|$|und\b|oder\b|seit\b|mit\b))"
        r"|(?:hör(?:e|t)?|seh(?:e)?|sieht)\s+(?:\w+\s+){0,4}?(?:kaum\s+noch|immer\s+schlechter|fast\s+nichts"
        r"|fast\s+nix|schlecht)(?:\s+(?:was|etwas))?(?!\s+(?:von|vom|über|zu|aus|bei|an|mehr)\b)"
        r"|(?:seh(?:e)?|sieht)\s+(?:\w+\s+){0,4}?(?:gar\s+)?(?:nichts|nix)\s+mehr"
        r"(?=\s*(?:[.,!?;)]|$|und\b|seit\b|auf\s+de[mn]\s+(?:linken|rechten)))"
        r"|seh(?:e)?\s+alles\s+(?:doppelt|verschwommen))"
    ),
    # other states: "macht nachts ins Bett", "erkennt mich nicht mehr", "die
    # Haare fallen aus", "arm kribbelt", "Blutdruck 170/110"
    regex.compile(
        r"(?i)\b(macht\s+(?:nachts\s+)?(?:noch\s+|wieder\s+)?ins\s+bett|nässt\s+(?:\w+\s+){0,3}?ein\b"
        r"|blutdruck\s+(?:von\s+|bei\s+)?\d{2,3}\s?/\s?\d{2,3}"
        r"|erkenn(?:t|e)\s+(?:mich|uns|niemanden|keinen|keine[nr]?)\s+(?:\w+\s+)?(?:mehr|nicht\s+mehr)"
        r"|haare\s+fallen\s+(?:\w+\s+)?aus"
        r"|(?:arm|bein|hand|hände|füße|fuß|finger|zehen|gesicht|lippen)\s+kribbel(?:n|t)"
        r"|(?:riech\w*|schmeck\w*)(?:\s+und\s+(?:riech\w*|schmeck\w*))?\s+(?:ich\s+|er\s+|sie\s+)?"
        r"(?:nichts|nix|kaum\s+noch\s+(?:was|etwas))(?:\s+mehr)?)"
    ),
    # a body part and what happened to it: "Kreuzband gerissen", "2 Zähne
    # abgebrochen", "Knöchel ist dick", "zahnfleisch blutet ständig"
    regex.compile(
        r"(?i)\b((?:(?:zwei|drei|\d)\s+)?(?:" + _BODY_PARTS + r")"
        r"\s+(?:(?:ist|sind|war|waren|is|total|ganz|komplett|voll|stark|richtig|links|rechts)\s+){0,2}"
        r"(?:gebrochen|angebrochen|abgebrochen|gerissen|eingerissen|angerissen|durchtrennt|geprellt"
        r"|verstaucht|ausgekugelt|entzündet|geschwollen|angeschwollen|zugeschwollen|aufgeplatzt"
        r"|blutet|bluten|wackel[nt]|schmerz(?:t|en)|tränen|tränt|juckt|jucken|pocht|brennt"
        r"|taub|steif|kaputt|dick|zerschossen|ausgerenkt|verrenkt|pfeift|pfeifen|rauscht|rauschen"
        r"|zittert|zittern"
        r"|durch(?=\s*(?:[.,!?;]|$|laut\b|sagt\b|meint\b))))\b"
    ),
    # vomiting in colloquial words; "das kotzt mich an" is anger, not a symptom
    regex.compile(
        r"(?i)(?<!\bzum\s)\b((?:kotz(?:e|t|en)|erbrech(?:e|en)|erbricht)"
        r"(?:\s+(?:ständig|dauernd|den\s+ganzen\s+tag|jeden\s+(?:tag|morgen|abend)|nur\s+noch))?)\b"
        r"(?![^.!?\n]{0,15}\b(?:mich|einen|uns|dich)\s+an\b)"
    ),
    # pregnancy week written out: "in der 30. Woche schwanger", "Fehlgeburt in der 11. Woche"
    regex.compile(
        r"(?i)\b(\d{1,2}\.\s*woche)\b(?=[^.!?\n]{0,25}\bschwanger)"
        r"|(?<=(?:fehlgeburt|schwanger\w*|entbindung)[^.!?\n]{0,25})\b(\d{1,2}\.\s*woche)\b"
        r"|\b(\d{1,2}\s+weeks\s+pregnant)\b"
    ),
    regex.compile(
        r"(?i)\b(?:mir\s+(?:ist|wird|war)|ist\s+mir|wird\s+mir|bin|war)\s+(?:\w+\s+){0,5}?"
        r"(schwindelig|schwindlig|speiübel|kotzübel|übel)\b"
        r"(?=\s*(?:[.,!?;)]|$|und\b|oder\b|geworden\b|seit\b|wenn\b))"
    ),
)
#: Self-harm: "hab mich wieder geritzt", "ritze mich", "verletze mich selbst".
_SELF_HARM_RE = regex.compile(
    r"(?i)\b(?:ge)?ritz(?:e|t|en|te|ten)?\b(?=[^.!?\n]{0,30}\b(?:mich|sich|wieder|arm|arme|beine)\b)"
    r"|(?<=\b(?:mich|sich|wieder)\b[^.!?\n]{0,25})\b(?:ge)?ritz(?:e|t|en|te|ten)?\b"
    r"|\bselbstverletz\w*|\bverletz\w*\s+(?:mich|sich)\s+selbst\b"
    r"|(?<=\b(?:mich|sich)\b[^.!?\n]{0,25})\bselbst\s+verletz\w*"
)
#: Heads of a procedure compound: "Darmkrebs-OP", "MS-Diagnose" contain a
#: condition in front; "Knie-OP" does not.
_PROCEDURE_HEADS = frozenset(
    [
        "op",
        "operation",
        "diagnose",
        "therapie",
        "behandlung",
        "verdacht",
        "reha",
        "schub",
        "schübe",
        "medikament",
        "medikamente",
        "erkrankung",
        "patient",
        "patientin",
    ]
)

#: Heads of a compound that do not reveal the condition in front of them:
#: "Krebs-Vorsorge", "HIV-Test", "Diabetes-Info" concern everybody;
#: "Post-Covid-Ambulanz", "Magen-Darm-Arzt", "Frühchen-Eltern" name a place,
#: a specialist or a group.
_SCREENING_HEADS = frozenset(
    [
        "ambulanz",
        "klinik",
        "zentrum",
        "station",
        "praxis",
        "sprechstunde",
        "arzt",
        "ärztin",
        "ärzte",
        "spezialist",
        "eltern",
        "gruppe",
        "selbsthilfegruppe",
        "forum",
        "community",
        "app",
        "apps",
        "vorsorge",
        "früherkennung",
        "screening",
        "test",
        "tests",
        "schnelltest",
        "impfung",
        "impfstoff",
        "prävention",
        "info",
        "infos",
        "aufklärung",
        "kampagne",
        "woche",
        "tag",
        "forschung",
        "risiko",
    ]
)

#: Between two listed symptoms: "Fieber und Husten", "Schwindel, Übelkeit".
_LIST_GAP = regex.compile(
    r"\s*(?:,|und|oder|sowie|&|\+|/)\s*(?:(?:starke[nmr]?|hohe[ms]?|leichte[nmr]?|ständige[nmr]?"
    r"|heftige[nmr]?|dauernde[nmr]?)\s+)?",
    regex.IGNORECASE,
)
_PREGNANCY_RE = regex.compile(
    r"(?i)\b(?:\d{1,2}\.?\s*)(?:ssw|schwangerschaftswoche)\b|\bssw\s*\d{1,2}\b"
)


class DeHealthConditionRecognizer(SpanRecognizer):
    """Diagnoses, illnesses, symptoms, disabilities, pregnancy (HEALTH_CONDITION).

    Sources, strongest first:
    - care grade ``Pflegegrad 3``/``PG 3``, disability degree ``GdB 50``,
      ``Merkzeichen aG``, pregnancy week ``24. SSW`` (0.85): unambiguous;
    - ICD-10 codes with a dot ``F32.1`` (0.75); without the dot ``F32`` or in
      lower case only after "ICD"/"Diagnose" nearby, since letter+2 digits is
      also a model number or a vitamin; "Morbus" + name (0.75);
    - the lexicon ``data/health_conditions.txt`` incl. colloquial words (0.8);
      entries marked ``~`` (Zucker, Grippe, Corona) only after a personal cue
      ("hab", "wegen", "mit"), because alone they are a topic;
    - unseen compounds by their head (``-entzündung``, ``-krebs``, ``-itis``,
      ``-schmerzen``, ``-ose``, ``-störung``, body part + ``-bruch`` ...) (0.7),
      with technical exclusions ("Netzstörung", "Diagnose", "Steckdose").
    A qualifier that follows ("Typ 2", "im Frühstadium") joins the span.
    "Pflegegrad", "Krankengeld", "Pflegegeld" alone are topic words, never matched.
    """

    ENTITY = "HEALTH_CONDITION"

    def __init__(self, supported_language: str = "de") -> None:
        super().__init__(supported_language)
        self.lexicon = Lexicon(read_lines("health_conditions.txt"))

    def find(self, text: str) -> list[tuple[int, int, float, str]]:
        spans: list[tuple[int, int, float, str]] = []
        for rx, score, why in (
            (_CARE_RE, 0.85, "care grade"),
            (_GDB_RE, 0.85, "disability degree"),
            (_PREGNANCY_RE, 0.85, "pregnancy week"),
            (_ICD_RE, 0.75, "ICD-10 code"),
            (_MEASURE_RE, 0.8, "BMI / KIG"),
            (_DIOPTER_RE, 0.8, "diopters"),
        ):
            spans.extend((m.start(), m.end(), score, why) for m in rx.finditer(text))
        for m in _ICD_ANY_CASE_RE.finditer(text):
            if _ICD_CONTEXT.search(text, max(0, m.start() - 40), m.start()):
                spans.append((m.start(), m.end(), 0.7, "ICD-10 code (context)"))
        spans.extend((m.start(), m.end(), 0.75, "Morbus + name") for m in _MORBUS_RE.finditer(text))
        for rx in _PHRASE_RES:
            for m in rx.finditer(text):
                g = next(i for i in range(1, len(m.groups()) + 1) if m.group(i) is not None)
                spans.append((m.start(g), m.end(g), 0.75, "symptom phrase"))
        spans.extend((m.start(), m.end(), 0.8, "self-harm") for m in _SELF_HARM_RE.finditer(text))
        if _EYE_CONTEXT.search(text):
            for m in _SIGNED_RE.finditer(text):
                window = text[max(0, m.start() - 80) : m.end() + 80]
                if _EYE_CONTEXT.search(window):
                    spans.append((m.start(), m.end(), 0.7, "eyesight value"))
        tokens = tokenize(text)
        spans.extend(self._lexicon_spans(text, tokens))
        spans.extend(self._symptom_spans(text, tokens))
        spans.extend(self._listed_symptoms(text, tokens, spans))
        return spans

    @staticmethod
    def _listed_symptoms(
        text: str, tokens: list[Token], found: list[tuple[int, int, float, str]]
    ) -> list[tuple[int, int, float, str]]:
        """A symptom listed right after a found condition: "39 fieber und husten"."""
        ends = sorted({end for _, end, _, _ in found})
        spans = []
        for tok in tokens:
            if tok.key not in _SYMPTOMS or any(s <= tok.start < e for s, e, _, _ in found):
                continue
            if any(end <= tok.start and _LIST_GAP.fullmatch(text, end, tok.start) for end in ends):
                spans.append((tok.start, tok.end, 0.7, "symptom in a list"))
        return spans

    def _symptom_spans(self, text: str, tokens: list[Token]) -> list[tuple[int, int, float, str]]:
        spans = []
        for i, tok in enumerate(tokens):
            if tok.key not in _SYMPTOMS:
                continue
            before = tokens[max(0, i - 3) : i]
            after = tokens[i + 1 : i + 5]
            number = i > 0 and (
                tokens[i - 1].text[:1].isdigit()
                or (tokens[i - 1].key == "grad" and i > 1 and tokens[i - 2].text[:1].isdigit())
            )
            only = len(before) >= 2 and [t.key for t in before[-2:]] == ["nur", "noch"]
            if (
                number
                or only
                or any(t.key in _INTENSITY or t.key in CUES for t in before)
                or any(t.key in _INTENSITY for t in after)
            ):
                spans.append((tok.start, tok.end, 0.75, "symptom"))
        return spans

    def _condition_front(self, word: str) -> str | None:
        """The condition in front of a hyphen compound whose head is something else.

        "Neurodermitis-Creme", "Tinnitus-Retraining-Therapie", "Darmkrebs-OP"
        reveal the condition; "Krebs-Vorsorge", "HIV-Test" do not (prevention
        and tests are for everybody), and "Long-Covid" is one condition.
        """
        parts = word.split("-")
        head = parts[-1].casefold()
        if head in _SCREENING_HEADS or not head or self._is_condition(parts[-1]):
            return None
        for n in range(len(parts) - 1, 0, -1):
            front = "-".join(parts[:n])
            if self._is_condition(front):
                return front
        return None

    def _is_condition(self, part: str) -> bool:
        """``part`` (the front of a procedure compound) is a condition."""
        toks = tokenize(part)
        if len(toks) == 1 and (_SUFFIX_RE.fullmatch(toks[0].key) or _is_ose_disease(toks[0].key)):
            return True
        return any(
            m.first == 0 and m.last == len(toks) - 1 and not m.entry.needs_cue
            for m in self.lexicon.matches(toks)
        )

    def _lexicon_spans(self, text: str, tokens: list[Token]) -> list[tuple[int, int, float, str]]:
        spans = []
        matched: set[int] = set()
        for m in self.lexicon.matches(tokens):
            if m.entry.needs_cue and not has_cue(tokens, m.first, CUES):
                continue
            spans.append(
                self._qualified(text, tokens[m.first].start, tokens[m.last].end, 0.8, "lexicon")
            )
            matched.update(range(m.first, m.last + 1))
        for i, tok in enumerate(tokens):
            if i in matched or tok.key in _SUFFIX_EXCLUDE:
                continue
            last_part = tok.key.rsplit("-", 1)[-1]
            # the head makes the whole word a condition: "Autismus-Spektrum-Störung"
            whole = last_part != tok.key and bool(
                last_part in self.lexicon
                or _SUFFIX_RE.fullmatch(last_part)
                or _HEADS.fullmatch(last_part)
            )
            front = self._condition_front(tok.text) if last_part != tok.key and not whole else None
            if front:  # "Darmkrebs-OP", "Neurodermitis-Creme", "Tinnitus-Retraining-Therapie"
                spans.append((tok.start, tok.start + len(front), 0.75, "condition + head"))
                continue
            if last_part in _PROCEDURE_HEADS and last_part != tok.key:
                continue
            if self._inflected_entry(tok.key):  # "des Hörsturzes", "mit Gallensteinen"
                spans.append(self._qualified(text, tok.start, tok.end, 0.75, "lexicon, inflected"))
                continue
            if _SUFFIX_RE.fullmatch(tok.key) or _is_ose_disease(tok.key) or whole:
                spans.append(self._qualified(text, tok.start, tok.end, 0.7, "compound suffix"))
        return spans

    def _inflected_entry(self, key: str) -> bool:
        """A genitive or dative form of a one-word lexicon entry (no cue needed)."""
        if len(key) < 7:
            return False
        return any(
            key.endswith(ending) and self.lexicon.has_plain_word(key[: -len(ending)])
            for ending in ("es", "en", "s", "n")
        )

    @staticmethod
    def _qualified(
        text: str, start: int, end: int, score: float, why: str
    ) -> tuple[int, int, float, str]:
        q = _QUALIFIER_RE.match(text, end)
        pre = _PRE_QUALIFIER_RE.search(text, max(0, start - 30), start)
        return (pre.start() if pre else start, q.end() if q else end, score, why)


def has_cue(tokens: list[Token], index: int, cues: frozenset[str], window: int = 4) -> bool:
    """Whether one of ``cues`` occurs among the ``window`` tokens before ``index``."""
    return any(t.key in cues for t in tokens[max(0, index - window) : index])
