#include "linker.h"

#include "sentencesplitter.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace spheres {

namespace {

struct CueRow
{
    QStringView phrase;
    Stance stance;
    double weight;
};

// The cue lexicon. Phrases are matched in lower case (capitalised only at the start of the
// sentence, so the month "May" is no hedge) on word boundaries, longest first, outside the
// names the gazetteer found ("Shanghai Cooperation Organization" is no cooperation cue).
// Weights: a rivalry or cooperation cue counts 1; commentary counts 2, since a sentence that
// reports what analysts think or what follows from something is context even when it names
// a partnership; a hedge or time frame counts 0.5, enough to make an otherwise bare sentence
// context and to lower the confidence of a stance, never enough to overturn a plain one.
const CueRow kCues[] = {
    // Rivalry: conflict, competition and distrust between the actors named.
    {u"conflict", Stance::Rivalry, 1}, {u"conflicts", Stance::Rivalry, 1},
    {u"competition", Stance::Rivalry, 1}, {u"compete", Stance::Rivalry, 1}, {u"competes", Stance::Rivalry, 1},
    {u"competing", Stance::Rivalry, 1}, {u"competitor", Stance::Rivalry, 1}, {u"competitors", Stance::Rivalry, 1},
    {u"rival", Stance::Rivalry, 1}, {u"rivals", Stance::Rivalry, 1}, {u"rivalry", Stance::Rivalry, 1},
    {u"rivalries", Stance::Rivalry, 1},
    {u"tension", Stance::Rivalry, 1}, {u"tensions", Stance::Rivalry, 1},
    {u"dispute", Stance::Rivalry, 1}, {u"disputes", Stance::Rivalry, 1}, {u"disputed", Stance::Rivalry, 1},
    {u"concern", Stance::Rivalry, 1}, {u"concerns", Stance::Rivalry, 1},
    {u"fear", Stance::Rivalry, 1}, {u"fears", Stance::Rivalry, 1}, {u"feared", Stance::Rivalry, 1},
    {u"threat", Stance::Rivalry, 1}, {u"threats", Stance::Rivalry, 1}, {u"threaten", Stance::Rivalry, 1},
    {u"threatens", Stance::Rivalry, 1}, {u"threatened", Stance::Rivalry, 1},
    {u"undermine", Stance::Rivalry, 1}, {u"undermines", Stance::Rivalry, 1}, {u"undermined", Stance::Rivalry, 1},
    {u"undermining", Stance::Rivalry, 1},
    {u"assertiveness", Stance::Rivalry, 1}, {u"assertive", Stance::Rivalry, 1},
    {u"expansionism", Stance::Rivalry, 1}, {u"expansionist", Stance::Rivalry, 1},
    {u"challenge", Stance::Rivalry, 1}, {u"challenges", Stance::Rivalry, 1}, {u"challenged", Stance::Rivalry, 1},
    {u"oppose", Stance::Rivalry, 1}, {u"opposes", Stance::Rivalry, 1}, {u"opposed", Stance::Rivalry, 1},
    {u"opposing", Stance::Rivalry, 1}, {u"opposition", Stance::Rivalry, 1},
    {u"dissatisfaction", Stance::Rivalry, 1}, {u"dissatisfied", Stance::Rivalry, 1},
    {u"at odds", Stance::Rivalry, 1}, {u"friction", Stance::Rivalry, 1}, {u"frictions", Stance::Rivalry, 1},
    {u"clash", Stance::Rivalry, 1}, {u"clashes", Stance::Rivalry, 1}, {u"clashed", Stance::Rivalry, 1},
    {u"hostility", Stance::Rivalry, 1}, {u"hostile", Stance::Rivalry, 1},
    {u"distrust", Stance::Rivalry, 1}, {u"mistrust", Stance::Rivalry, 1}, {u"suspicion", Stance::Rivalry, 1},
    {u"confrontation", Stance::Rivalry, 1}, {u"standoff", Stance::Rivalry, 1}, {u"sanctions", Stance::Rivalry, 1},
    {u"trade war", Stance::Rivalry, 1}, {u"arms race", Stance::Rivalry, 1},
    {u"counterbalance", Stance::Rivalry, 1},
    {u"condemn", Stance::Rivalry, 1}, {u"condemns", Stance::Rivalry, 1}, {u"condemned", Stance::Rivalry, 1},
    {u"condemnation", Stance::Rivalry, 1},
    {u"accuse", Stance::Rivalry, 1}, {u"accuses", Stance::Rivalry, 1}, {u"accused", Stance::Rivalry, 1},
    {u"accusations", Stance::Rivalry, 1},
    {u"complain", Stance::Rivalry, 1}, {u"complains", Stance::Rivalry, 1}, {u"complained", Stance::Rivalry, 1},
    {u"protest", Stance::Rivalry, 1}, {u"protested", Stance::Rivalry, 1},
    {u"warn", Stance::Rivalry, 1}, {u"warned", Stance::Rivalry, 1}, {u"warns", Stance::Rivalry, 1},
    {u"blocked", Stance::Rivalry, 1}, {u"blockade", Stance::Rivalry, 1},
    {u"sanctioned", Stance::Rivalry, 1}, {u"sanction", Stance::Rivalry, 1},
    {u"annexed", Stance::Rivalry, 1}, {u"annexation", Stance::Rivalry, 1},
    {u"invaded", Stance::Rivalry, 1}, {u"invasion", Stance::Rivalry, 1},
    {u"attack", Stance::Rivalry, 1}, {u"attacks", Stance::Rivalry, 1}, {u"attacked", Stance::Rivalry, 1},
    {u"struck", Stance::Rivalry, 1}, {u"strikes", Stance::Rivalry, 1},
    {u"war", Stance::Rivalry, 1}, {u"warfare", Stance::Rivalry, 1}, {u"sabotage", Stance::Rivalry, 1},
    {u"angered", Stance::Rivalry, 1}, {u"anger", Stance::Rivalry, 1},
    {u"coercion", Stance::Rivalry, 1}, {u"pressure", Stance::Rivalry, 1}, {u"pressured", Stance::Rivalry, 1},
    {u"harassment", Stance::Rivalry, 1}, {u"provocation", Stance::Rivalry, 1}, {u"provocative", Stance::Rivalry, 1},
    {u"expelled", Stance::Rivalry, 1}, {u"retaliation", Stance::Rivalry, 1}, {u"retaliated", Stance::Rivalry, 1},
    {u"claims", Stance::Rivalry, 1}, {u"claimed", Stance::Rivalry, 1}, {u"rival claims", Stance::Rivalry, 1},
    {u"at loggerheads", Stance::Rivalry, 1}, {u"strained", Stance::Rivalry, 1},
    // Harm done to a relationship: the relation named after these counts for nothing (kHarm).
    {u"strain", Stance::Rivalry, 1}, {u"strains", Stance::Rivalry, 1},
    {u"erode", Stance::Rivalry, 1}, {u"erodes", Stance::Rivalry, 1}, {u"eroded", Stance::Rivalry, 1},
    {u"damage", Stance::Rivalry, 1}, {u"damaged", Stance::Rivalry, 1}, {u"damages", Stance::Rivalry, 1},
    {u"weaken", Stance::Rivalry, 1}, {u"weakens", Stance::Rivalry, 1}, {u"weakened", Stance::Rivalry, 1},
    {u"jeopardise", Stance::Rivalry, 1}, {u"jeopardize", Stance::Rivalry, 1}, {u"hurt", Stance::Rivalry, 1},
    {u"froze", Stance::Rivalry, 1}, {u"frozen", Stance::Rivalry, 1}, {u"suspended", Stance::Rivalry, 1},
    {u"derail", Stance::Rivalry, 1}, {u"derailed", Stance::Rivalry, 1}, {u"sour", Stance::Rivalry, 1},
    {u"soured", Stance::Rivalry, 1}, {u"cut ties", Stance::Rivalry, 1}, {u"severed", Stance::Rivalry, 1},
    // Acts one state takes against another: refusals, withdrawals, charges, force.
    {u"reject", Stance::Rivalry, 1}, {u"rejects", Stance::Rivalry, 1}, {u"rejected", Stance::Rivalry, 1},
    {u"rebuffed", Stance::Rivalry, 1}, {u"refused", Stance::Rivalry, 1}, {u"refuses", Stance::Rivalry, 1},
    {u"revoked", Stance::Rivalry, 1}, {u"scrapped", Stance::Rivalry, 1}, {u"tore up", Stance::Rivalry, 1},
    {u"withdrew from", Stance::Rivalry, 1}, {u"withdrawn from", Stance::Rivalry, 1},
    {u"pulled out of", Stance::Rivalry, 1}, {u"ordered out", Stance::Rivalry, 1}, {u"expel", Stance::Rivalry, 1},
    {u"against", Stance::Rivalry, 0.5}, {u"objections", Stance::Rivalry, 1}, {u"objected", Stance::Rivalry, 1},
    {u"criticised", Stance::Rivalry, 1}, {u"criticized", Stance::Rivalry, 1}, {u"criticism", Stance::Rivalry, 1},
    {u"denounced", Stance::Rivalry, 1}, {u"suspect", Stance::Rivalry, 1}, {u"suspects", Stance::Rivalry, 1},
    {u"suspected", Stance::Rivalry, 1}, {u"worry", Stance::Rivalry, 1}, {u"worries", Stance::Rivalry, 1},
    {u"worried", Stance::Rivalry, 1}, {u"alarm", Stance::Rivalry, 1}, {u"alarmed", Stance::Rivalry, 1},
    {u"violating", Stance::Rivalry, 1}, {u"violated", Stance::Rivalry, 1}, {u"violation", Stance::Rivalry, 1},
    {u"incursion", Stance::Rivalry, 1}, {u"incursions", Stance::Rivalry, 1}, {u"shot down", Stance::Rivalry, 1},
    {u"seized", Stance::Rivalry, 1}, {u"detained", Stance::Rivalry, 1}, {u"embargo", Stance::Rivalry, 1},
    {u"tariffs", Stance::Rivalry, 1}, {u"boycott", Stance::Rivalry, 1}, {u"vetoed", Stance::Rivalry, 1},
    {u"interference", Stance::Rivalry, 1}, {u"meddling", Stance::Rivalry, 1}, {u"espionage", Stance::Rivalry, 1},
    {u"deterrence", Stance::Rivalry, 1}, {u"deter", Stance::Rivalry, 1}, {u"containment", Stance::Rivalry, 1},
    {u"second front", Stance::Rivalry, 1}, {u"cannot ignore", Stance::Rivalry, 1},
    {u"deteriorated", Stance::Rivalry, 1}, {u"deteriorating", Stance::Rivalry, 1}, {u"worsened", Stance::Rivalry, 1},
    {u"cooled", Stance::Rivalry, 1}, {u"wary", Stance::Rivalry, 1}, {u"suspicious", Stance::Rivalry, 1},
    {u"uneasy", Stance::Rivalry, 1}, {u"resentment", Stance::Rivalry, 1}, {u"counter", Stance::Rivalry, 1},
    {u"countering", Stance::Rivalry, 1}, {u"isolate", Stance::Rivalry, 1}, {u"isolation", Stance::Rivalry, 1},
    {u"pushed back", Stance::Rivalry, 1}, {u"pushback", Stance::Rivalry, 1},

    // Cooperation: working together, agreements, alignment and trade.
    {u"cooperation", Stance::Cooperation, 1}, {u"co-operation", Stance::Cooperation, 1},
    {u"cooperate", Stance::Cooperation, 1}, {u"cooperates", Stance::Cooperation, 1},
    {u"cooperated", Stance::Cooperation, 1}, {u"cooperating", Stance::Cooperation, 1},
    {u"collaborate", Stance::Cooperation, 1}, {u"collaboration", Stance::Cooperation, 1},
    {u"work together", Stance::Cooperation, 1}, {u"working together", Stance::Cooperation, 1},
    {u"worked together", Stance::Cooperation, 1}, {u"works together", Stance::Cooperation, 1},
    {u"alliance", Stance::Cooperation, 1}, {u"alliances", Stance::Cooperation, 1},
    {u"allied", Stance::Cooperation, 1}, {u"allies", Stance::Cooperation, 1}, {u"ally", Stance::Cooperation, 1},
    {u"partnership", Stance::Cooperation, 1}, {u"partnerships", Stance::Cooperation, 1},
    {u"partner", Stance::Cooperation, 1}, {u"partners", Stance::Cooperation, 1},
    {u"closer", Stance::Cooperation, 1}, {u"closeness", Stance::Cooperation, 1},
    {u"joint", Stance::Cooperation, 1}, {u"jointly", Stance::Cooperation, 1},
    {u"agreement", Stance::Cooperation, 1}, {u"agreements", Stance::Cooperation, 1},
    {u"signed", Stance::Cooperation, 1},
    {u"shared interests", Stance::Cooperation, 1}, {u"shared interest", Stance::Cooperation, 1},
    {u"common interest", Stance::Cooperation, 1}, {u"common interests", Stance::Cooperation, 1},
    {u"trade", Stance::Cooperation, 1}, {u"trading", Stance::Cooperation, 1},
    {u"strong", Stance::Cooperation, 1}, {u"stronger", Stance::Cooperation, 1},
    {u"strengthen", Stance::Cooperation, 1}, {u"strengthened", Stance::Cooperation, 1},
    {u"strengthening", Stance::Cooperation, 1},
    {u"support", Stance::Cooperation, 1}, {u"supports", Stance::Cooperation, 1},
    {u"supported", Stance::Cooperation, 1},
    {u"friendship", Stance::Cooperation, 1}, {u"solidarity", Stance::Cooperation, 1},
    {u"alignment", Stance::Cooperation, 1}, {u"aligned", Stance::Cooperation, 1},
    {u"rapprochement", Stance::Cooperation, 1},
    {u"agree", Stance::Cooperation, 1}, {u"agreed", Stance::Cooperation, 1}, {u"agrees", Stance::Cooperation, 1},
    {u"deal", Stance::Cooperation, 1}, {u"deals", Stance::Cooperation, 1}, {u"struck a deal", Stance::Cooperation, 1},
    {u"pact", Stance::Cooperation, 1}, {u"treaty", Stance::Cooperation, 1}, {u"accord", Stance::Cooperation, 1},
    {u"brokered", Stance::Cooperation, 1}, {u"mediated", Stance::Cooperation, 1},
    {u"restored", Stance::Cooperation, 1}, {u"normalised", Stance::Cooperation, 1}, {u"normalized", Stance::Cooperation, 1},
    {u"welcomed", Stance::Cooperation, 1}, {u"welcome", Stance::Cooperation, 1}, {u"welcomes", Stance::Cooperation, 1},
    {u"offered", Stance::Cooperation, 1}, {u"pledged", Stance::Cooperation, 1}, {u"courted", Stance::Cooperation, 1},
    {u"aid", Stance::Cooperation, 1}, {u"assistance", Stance::Cooperation, 1}, {u"grants", Stance::Cooperation, 1},
    {u"ties", Stance::Cooperation, 1}, {u"deepen", Stance::Cooperation, 1}, {u"deepens", Stance::Cooperation, 1},
    {u"deepened", Stance::Cooperation, 1}, {u"deepening ties", Stance::Cooperation, 1},
    {u"buys", Stance::Cooperation, 1}, {u"bought", Stance::Cooperation, 1}, {u"buyers", Stance::Cooperation, 1},
    {u"delivers", Stance::Cooperation, 1}, {u"delivered", Stance::Cooperation, 1}, {u"supplies", Stance::Cooperation, 1},
    {u"contracts", Stance::Cooperation, 1}, {u"investment", Stance::Cooperation, 1}, {u"invested", Stance::Cooperation, 1},
    {u"revive", Stance::Cooperation, 1}, {u"revived", Stance::Cooperation, 1},
    {u"backed", Stance::Cooperation, 1}, {u"backing", Stance::Cooperation, 1},
    {u"host talks", Stance::Cooperation, 1}, {u"mutual", Stance::Cooperation, 1},
    {u"sign", Stance::Cooperation, 1}, {u"signs", Stance::Cooperation, 1}, {u"signing", Stance::Cooperation, 1},
    {u"ratified", Stance::Cooperation, 1}, {u"concluded", Stance::Cooperation, 1},
    {u"arrangement", Stance::Cooperation, 1}, {u"arrangements", Stance::Cooperation, 1},
    {u"invited", Stance::Cooperation, 1}, {u"hosted", Stance::Cooperation, 1}, {u"held talks", Stance::Cooperation, 1},
    {u"reopened", Stance::Cooperation, 1}, {u"resumed", Stance::Cooperation, 1},
    {u"reconciliation", Stance::Cooperation, 1}, {u"ceasefire", Stance::Cooperation, 1}, {u"truce", Stance::Cooperation, 1},
    {u"loans", Stance::Cooperation, 1}, {u"loan", Stance::Cooperation, 1}, {u"financed", Stance::Cooperation, 1},
    {u"improved", Stance::Cooperation, 1}, {u"recovered", Stance::Cooperation, 1}, {u"warmed", Stance::Cooperation, 1},
    {u"thaw", Stance::Cooperation, 1}, {u"survived", Stance::Cooperation, 1}, {u"endured", Stance::Cooperation, 1},
    {u"friendly", Stance::Cooperation, 1}, {u"cordial", Stance::Cooperation, 1}, {u"embraced", Stance::Cooperation, 1},
    {u"guarantees", Stance::Cooperation, 1}, {u"mediation", Stance::Cooperation, 1},

    // Context, commentary: what observers think and what follows from the facts.
    {u"implications", Stance::Context, 2}, {u"implication", Stance::Context, 2},
    {u"analysts", Stance::Context, 2}, {u"analyst", Stance::Context, 2}, {u"some analysts", Stance::Context, 2},
    {u"experts", Stance::Context, 2}, {u"observers", Stance::Context, 2}, {u"commentators", Stance::Context, 2},
    {u"scholars", Stance::Context, 2},
    {u"others have suggested", Stance::Context, 2}, {u"others suggest", Stance::Context, 2},
    {u"some argue", Stance::Context, 2}, {u"others argue", Stance::Context, 2},
    {u"it is argued", Stance::Context, 2}, {u"it has been argued", Stance::Context, 2},
    {u"as routine", Stance::Context, 2}, {u"in some quarters", Stance::Context, 2},

    // Context, hedges and time frames.
    {u"could", Stance::Context, 0.5}, {u"may", Stance::Context, 0.5}, {u"might", Stance::Context, 0.5},
    {u"likely", Stance::Context, 0.5}, {u"unlikely", Stance::Context, 0.5},
    {u"potential", Stance::Context, 0.5}, {u"potentially", Stance::Context, 0.5},
    {u"possibly", Stance::Context, 0.5}, {u"perhaps", Stance::Context, 0.5},
    {u"unclear", Stance::Context, 0.5}, {u"uncertain", Stance::Context, 0.5},
    {u"in recent years", Stance::Context, 0.5}, {u"in the coming years", Stance::Context, 0.5},
    {u"reportedly", Stance::Context, 0.5}, {u"appears to", Stance::Context, 0.5}, {u"seems to", Stance::Context, 0.5},
    {u"expected to", Stance::Context, 0.5},
};

// Concessive clauses ("Despite their shared interests, …") grant what the sentence then
// sets aside: cues from the marker to the next comma are not counted.
const QStringView kConcessive[] = {u"despite", u"in spite of", u"although", u"even though", u"though",
                                   u"notwithstanding", u"while", u"whereas"};

// Contrastive connectives inside a sentence ("cooperate on energy but compete for markets"):
// the clause after the connective carries the point, so cues before it count half.
const QStringView kContrast[] = {u"but", u"however", u"yet", u"nevertheless", u"nonetheless", u"even so",
                                 u"instead"};

// Verbs that end a rivalry: the rivalry cue they govern ("ended their dispute", "eased
// tensions") is cooperation between the parties.
const QStringView kResolve[] = {u"ended", u"end", u"ending", u"ends", u"resolved", u"resolve", u"resolving",
                                u"settled", u"settle", u"ease", u"eased", u"easing", u"defused", u"defuse",
                                u"overcame", u"overcome", u"calmed", u"de-escalate", u"reduce", u"reduced"};
// Of those, the ones that also end a cooperation named after them in their clause ("ended any
// prospect of a return to the old arrangement", "reduced its cooperation"): rivalry.
const QStringView kEnding[] = {u"ended", u"end", u"ending", u"ends", u"reduce", u"reduced"};

// Words that negate a cue a few words on: "have not agreed", "no cooperation", "failed to honour".
const QStringView kNegations[] = {u"not", u"no", u"never", u"nor", u"without", u"cannot", u"lack", u"lacks",
                                  u"failed", u"failing", u"fails", u"refused", u"refuses", u"declined"};

// Verbs of harm done to a relationship: "may strain the partnership" is rivalry, and the
// partnership named after the verb (in the same clause) is no cooperation cue.
const QStringView kHarm[] = {u"strain", u"strains", u"strained", u"undermine", u"undermines", u"undermined",
                             u"undermining", u"erode", u"erodes", u"eroded", u"damage", u"damaged", u"damages",
                             u"weaken", u"weakens", u"weakened", u"jeopardise", u"jeopardize", u"hurt",
                             u"threaten", u"threatens", u"threatened", u"froze", u"suspended", u"derail",
                             u"derailed", u"sour", u"soured", u"severed", u"challenge", u"challenged", u"challenges",
                             u"reject", u"rejects", u"rejected", u"rebuffed", u"refused", u"refuses", u"revoked",
                             u"scrapped", u"tore up", u"withdrew from", u"withdrawn from", u"pulled out of"};

// Phrases that make the subject a pair even when the sentence does not name both.
const QStringView kPairPhrases[] = {u"both countries", u"the two countries", u"both nations", u"the two nations",
                                    u"both sides", u"the two sides", u"both powers", u"the two powers",
                                    u"both governments", u"the two governments"};

// Words after a cue that make the next name a place rather than the cue's object.
const QStringView kLocatives[] = {u"in", u"over", u"across", u"within", u"inside", u"at", u"on", u"near",
                                  u"around", u"throughout", u"between", u"among", u"into"};

constexpr double kNoCueConfidence = 0.4;
constexpr double kMixedConfidence = 0.35;

bool isWordChar(QChar c) { return c.isLetterOrNumber(); }

// Lower-case `phrase` at `pos` on word boundaries; capitalised also at the sentence's start.
bool phraseAt(const QString &text, qsizetype pos, QStringView phrase, qsizetype sentenceStart)
{
    if (pos + phrase.size() > text.size() || (pos > 0 && isWordChar(text.at(pos - 1))))
        return false;
    if (text.at(pos) != phrase.front() && !(pos == sentenceStart && text.at(pos) == phrase.front().toUpper()))
        return false;
    if (QStringView(text).mid(pos + 1, phrase.size() - 1) != phrase.mid(1))
        return false;
    const qsizetype end = pos + phrase.size();
    return end == text.size() || !isWordChar(text.at(end));
}

qsizetype findPhrase(const QString &text, QStringView phrase, qsizetype sentenceStart, qsizetype from = 0)
{
    for (qsizetype pos = from; pos < text.size(); ++pos)
        if (phraseAt(text, pos, phrase, sentenceStart))
            return pos;
    return -1;
}

void appendUnique(QStringList &list, const QString &value)
{
    if (!list.contains(value))
        list << value;
}

struct CueHit
{
    const StanceCue *cue;
    qsizetype offset;
    qsizetype end;
    Stance stance;        // the cue's stance, or Cooperation for rivalry aimed at a third party
    bool counted = true;  // false inside a concessive clause or as the object of a harm verb
    double factor = 1.0;  // 0.5 before a contrastive connective
    bool thirdParty = false;
    bool negated = false;
    bool resolved = false;
};

struct StanceResult
{
    Stance stance = Stance::Context;
    double confidence = kNoCueConfidence;
    QStringList cues;
};

StanceResult decideStance(const QString &sentence, const QList<Mention> &mentions)
{
    // Names are masked so that their words are no cues; apostrophes and dashes made plain.
    QString text = sentence;
    for (QChar &c : text) {
        if (c == u'\u2019')
            c = u'\'';
        else if (c == u'\u2010' || c == u'\u2011' || c == u'\u2013' || c == u'\u2014')
            c = u'-';
    }
    for (const Mention &m : mentions)
        for (qsizetype i = m.offset; i < m.offset + m.length && i < text.size(); ++i)
            text[i] = u'#';
    qsizetype sentenceStart = 0;
    while (sentenceStart < text.size() && !text.at(sentenceStart).isLetter())
        ++sentenceStart;

    QList<CueHit> hits;
    // The lexicon by first letter, longest first, so that each word start tries only its own.
    static const QHash<QChar, QList<const StanceCue *>> byFirst = [] {
        QHash<QChar, QList<const StanceCue *>> out;
        for (const StanceCue &cue : Linker::cues())
            out[cue.phrase.front()] << &cue;
        return out;
    }();
    for (qsizetype pos = 0; pos < text.size(); ++pos) {
        if (pos > 0 && isWordChar(text.at(pos - 1)))
            continue;
        const auto bucket = byFirst.constFind(text.at(pos).toLower());
        if (bucket == byFirst.constEnd())
            continue;
        for (const StanceCue *cue : *bucket) {
            if (phraseAt(text, pos, cue->phrase, sentenceStart)) {
                hits.push_back({cue, pos, pos + cue->phrase.size(), cue->stance});
                pos += cue->phrase.size() - 1;
                break;
            }
        }
    }

    for (QStringView marker : kConcessive) {
        for (qsizetype at = findPhrase(text, marker, sentenceStart); at >= 0;
             at = findPhrase(text, marker, sentenceStart, at + 1)) {
            const qsizetype comma = text.indexOf(u',', at);
            if (comma < 0)
                continue; // no clause to set aside
            for (CueHit &h : hits)
                if (h.offset >= at && h.end <= comma)
                    h.counted = false;
        }
    }

    for (QStringView marker : kContrast) {
        for (qsizetype at = findPhrase(text, marker, -1); at >= 0; at = findPhrase(text, marker, -1, at + 1)) {
            const QString before = text.left(at).trimmed().toLower();
            if (before.isEmpty() || before.endsWith(u"not"_s) || before.endsWith(u"n't"_s) || before.endsWith(u"and"_s))
                continue; // opens the sentence (a contrast with the one before), or "not yet", "and yet"
            for (CueHit &h : hits)
                if (h.end <= at)
                    h.factor = 0.5;
        }
    }

    // A rivalry ended: "ended their dispute", "eased tensions" (the resolving verb a few words
    // before the cue, in its clause).
    for (QStringView verb : kResolve) {
        for (qsizetype at = findPhrase(text, verb, sentenceStart); at >= 0;
             at = findPhrase(text, verb, sentenceStart, at + 1)) {
            const bool ending = std::find(std::begin(kEnding), std::end(kEnding), verb) != std::end(kEnding);
            for (CueHit &h : hits) {
                if (h.offset <= at || h.resolved)
                    continue;
                const QString gap = text.mid(at + verb.size(), h.offset - at - verb.size());
                const qsizetype words = gap.split(u' ', Qt::SkipEmptyParts).size();
                if (gap.contains(u',') || gap.contains(u';'))
                    continue;
                if (h.stance == Stance::Rivalry && words <= 3) {
                    h.stance = Stance::Cooperation;
                    h.resolved = true;
                } else if (ending && h.stance == Stance::Cooperation && words <= 8) {
                    h.stance = Stance::Rivalry;
                    h.resolved = true;
                }
            }
        }
    }

    // Negation: a negated cooperation cue is rivalry ("have not agreed"), a negated rivalry cue
    // is no relation either way ("no dispute"). The scope is the three words before the cue
    // within its clause; "not only" negates nothing.
    for (CueHit &h : hits) {
        if (h.stance == Stance::Context || h.resolved)
            continue;
        qsizetype clauseStart = h.offset;
        while (clauseStart > 0 && text.at(clauseStart - 1) != u',' && text.at(clauseStart - 1) != u';')
            --clauseStart;
        const QStringList before = text.mid(clauseStart, h.offset - clauseStart).toLower()
                                       .split(QRegularExpression(u"[^\\w']+"_s), Qt::SkipEmptyParts);
        const QStringList scope = before.mid(std::max<qsizetype>(0, before.size() - 3));
        const bool negated = std::any_of(scope.begin(), scope.end(), [&scope](const QString &w) {
            const bool negation = w.endsWith(u"n't"_s)
                || std::find(std::begin(kNegations), std::end(kNegations), w) != std::end(kNegations);
            return negation && !(w == u"not" && scope.contains(u"only"_s));
        });
        if (negated) {
            h.stance = h.stance == Stance::Cooperation ? Stance::Rivalry : Stance::Context;
            h.negated = true;
        }
    }

    // Harm to a relationship: cooperation cues after a harm verb in its clause are its object.
    for (const CueHit &harm : hits) {
        const QString word = text.mid(harm.offset, harm.end - harm.offset).toLower();
        if (!harm.counted || std::find(std::begin(kHarm), std::end(kHarm), word) == std::end(kHarm))
            continue;
        for (CueHit &h : hits) {
            if (h.offset > harm.offset && h.stance == Stance::Cooperation && !text.mid(harm.end, h.offset - harm.end).contains(u',')
                && text.mid(harm.end, h.offset - harm.end).split(u' ', Qt::SkipEmptyParts).size() <= 4)
                h.counted = false;
        }
    }

    // Rivalry aimed at a third party: when the subject is a pair (two regions named before the
    // first rivalry cue, or "both countries") and a rivalry cue's object, a few words on and not
    // a place ("in Central Asia"), is another region or group, the pair stands together against
    // it: "their shared opposition to the United States", "challenge American dominance". Such a
    // cue counts for cooperation between the pair.
    const auto firstRivalry = std::find_if(hits.begin(), hits.end(),
                                           [](const CueHit &h) { return h.counted && h.stance == Stance::Rivalry; });
    if (firstRivalry != hits.end()) {
        QStringList pair;
        for (const Mention &m : mentions)
            if (m.target.kind == LinkTarget::Kind::Region && m.offset < firstRivalry->offset)
                appendUnique(pair, m.target.id);
        bool isPair = pair.size() >= 2;
        for (QStringView phrase : kPairPhrases) {
            const qsizetype at = findPhrase(text.toLower(), phrase, -1);
            isPair = isPair || (at >= 0 && at < firstRivalry->offset);
        }
        for (CueHit &h : hits) {
            if (!isPair || !h.counted || h.stance != Stance::Rivalry)
                continue;
            const auto object = std::find_if(mentions.begin(), mentions.end(), [&h](const Mention &m) {
                return m.offset >= h.end
                    && (m.target.kind == LinkTarget::Kind::Region || m.target.kind == LinkTarget::Kind::Group);
            });
            if (object == mentions.end() || pair.contains(object->target.id))
                continue;
            const QStringList gap = text.mid(h.end, object->offset - h.end).split(u' ', Qt::SkipEmptyParts);
            const bool locative = std::any_of(gap.begin(), gap.end(), [](const QString &w) {
                return std::find(std::begin(kLocatives), std::end(kLocatives), w.toLower()) != std::end(kLocatives);
            });
            if (gap.size() <= 3 && !locative) {
                h.stance = Stance::Cooperation;
                h.thirdParty = true;
            }
        }
    }

    // Whose interests: cooperation between some states, then a rivalry cue whose subject is a
    // state not among them ("Dhaka welcomed Chinese loans that New Delhi views with suspicion",
    // "Manila signed a pact with Tokyo, which Beijing called a provocation"). The sentence is
    // told from the rival's side: the cooperation is what it objects to, and counts no more.
    const auto lastCoop = std::find_if(hits.crbegin(), hits.crend(), [](const CueHit &h) {
        return h.counted && h.stance == Stance::Cooperation && !h.thirdParty;
    });
    if (lastCoop != hits.crend()) {
        QStringList before;
        for (const Mention &m : mentions)
            if (m.target.kind == LinkTarget::Kind::Region && m.offset < lastCoop->offset)
                appendUnique(before, m.target.id);
        // The rival: a state named after the cooperation, not among its parties, subject of a
        // new clause ("that New Delhi", ", which Beijing", "but Beijing") and followed in it by a
        // rivalry cue; "a deal with China against terrorism" names a partner, not a rival.
        static const QStringList kClauseOpeners = {u"that"_s, u"which"_s, u"who"_s, u"whom"_s, u"but"_s,
                                                   u"while"_s, u"whereas"_s};
        const auto rival = std::find_if(mentions.begin(), mentions.end(), [&](const Mention &m) {
            if (m.target.kind != LinkTarget::Kind::Region || m.offset <= lastCoop->end || before.isEmpty()
                || before.contains(m.target.id))
                return false;
            const QStringList lead = text.mid(lastCoop->end, m.offset - lastCoop->end).toLower()
                                         .split(QRegularExpression(u"[^\\w']+"_s), Qt::SkipEmptyParts);
            if (lead.isEmpty() || !kClauseOpeners.contains(lead.last()))
                return false;
            return std::any_of(hits.begin(), hits.end(), [&](const CueHit &h) {
                return h.counted && h.stance == Stance::Rivalry && h.offset > m.offset
                    && !text.mid(m.offset, h.offset - m.offset).contains(u',');
            });
        });
        if (rival != mentions.end())
            for (CueHit &h : hits)
                if (h.stance == Stance::Cooperation && h.offset < rival->offset)
                    h.counted = false;
    }

    double score[3] = {0, 0, 0}; // by Stance
    for (const CueHit &h : hits)
        if (h.counted)
            score[int(h.stance)] += h.cue->weight * h.factor;
    const double coop = score[int(Stance::Cooperation)], rivalry = score[int(Stance::Rivalry)],
                 context = score[int(Stance::Context)];
    const double relational = std::max(coop, rivalry);

    StanceResult r;
    auto record = [&](auto accept) {
        for (const CueHit &h : hits)
            if (h.counted && accept(h))
                appendUnique(r.cues, h.thirdParty ? h.cue->phrase + u" (third party)"_s
                                     : h.negated  ? h.cue->phrase + u" (negated)"_s
                                     : h.resolved ? h.cue->phrase + u" (ended)"_s
                                                  : h.cue->phrase);
    };
    if (coop == 0 && rivalry == 0 && context == 0)
        return r; // no cue: context, kNoCueConfidence
    // Confidence: 0.5 + 0.15 per unit of weight the winner leads the runner-up by.
    auto confidence = [](double lead) { return std::clamp(std::round(50 + 15 * lead) / 100, 0.3, 0.95); };
    if (context > relational) {
        r.stance = Stance::Context;
        r.confidence = confidence(context - relational);
        record([](const CueHit &h) { return h.stance == Stance::Context; });
    } else if (coop == rivalry) {
        // As much cooperation as rivalry: the last of them decides, since an evaluation follows
        // what it evaluates ("welcomed Chinese loans that New Delhi views with suspicion", "saw
        // the pact as a threat"), with the low confidence of a mixed sentence.
        const auto last = std::find_if(hits.crbegin(), hits.crend(), [](const CueHit &h) {
            return h.counted && h.stance != Stance::Context;
        });
        r.stance = last->stance;
        r.confidence = kMixedConfidence;
        record([](const CueHit &h) { return h.stance != Stance::Context; });
    } else {
        // A plain stance beats hedges of equal weight; they only lower its confidence.
        r.stance = coop > rivalry ? Stance::Cooperation : Stance::Rivalry;
        const double runnerUp = coop > rivalry ? std::max(rivalry, context) : std::max(coop, context);
        r.confidence = confidence(relational - runnerUp);
        record([&r](const CueHit &h) { return h.stance == r.stance; });
    }
    return r;
}

} // namespace

Linker::Linker(const Gazetteer &gazetteer)
    : m_gazetteer(gazetteer)
{
}

const QList<StanceCue> &Linker::cues()
{
    static const QList<StanceCue> list = [] {
        QList<StanceCue> out;
        for (const CueRow &row : kCues)
            out.push_back({row.phrase.toString(), row.stance, row.weight});
        // Longest first, so "some analysts" is one cue and "trade war" is no trade.
        std::stable_sort(out.begin(), out.end(),
                         [](const StanceCue &a, const StanceCue &b) { return a.phrase.size() > b.phrase.size(); });
        return out;
    }();
    return list;
}

namespace {

QString plainLower(const QString &text)
{
    QString t = text.toLower();
    for (QChar &c : t) {
        if (c == u'\u2019')
            c = u'\'';
        else if (c == u'\u2010' || c == u'\u2011' || c == u'\u2013' || c == u'\u2014')
            c = u'-';
    }
    return t;
}

// Up to `count` words of `text` before `from` (nearest last) or after `to` (nearest first).
QStringList wordsBefore(const QString &lower, qsizetype from, int count)
{
    QStringList w = lower.left(from).split(QRegularExpression(u"[^\\w']+"_s), Qt::SkipEmptyParts);
    return w.mid(std::max<qsizetype>(0, w.size() - count));
}

QStringList wordsAfter(const QString &lower, qsizetype to, int count)
{
    return lower.mid(to).split(QRegularExpression(u"[^\\w']+"_s), Qt::SkipEmptyParts).mid(0, count);
}

bool containsAny(const QStringList &words, std::initializer_list<QStringView> wanted)
{
    return std::any_of(words.begin(), words.end(), [&wanted](const QString &w) {
        return std::find(wanted.begin(), wanted.end(), QStringView(w)) != wanted.end();
    });
}

bool hasWord(const QString &lower, std::initializer_list<QStringView> wanted)
{
    return containsAny(lower.split(QRegularExpression(u"[^\\w']+"_s), Qt::SkipEmptyParts), wanted);
}

// Whether a sentence speaks of a group's members as states ("Central Asian states", "members of
// NATO", "China's presence in Central Asia") rather than of the group as a setting, an
// organisation or a thing joined ("in South Asia", "joining NATO", "the Asia-Pacific region").
bool groupIsSubject(const QString &lower, const Mention &m, int memberCount)
{
    const QStringList before = wordsBefore(lower, m.offset, 4);
    const QStringList after = wordsAfter(lower, m.offset + m.length, 1);
    const QStringList justBefore = before.mid(std::max<qsizetype>(0, before.size() - 2));
    if (containsAny(justBefore, {u"join", u"joins", u"joined", u"joining", u"membership", u"member", u"accession",
                                 u"enlargement", u"expansion", u"expanded", u"summit", u"leave", u"left", u"quit"}))
        return false;
    if (containsAny(after, {u"region", u"regions", u"summit", u"bloc", u"secretariat", u"charter", u"treaty"}))
        return false;
    if (containsAny(after, {u"states", u"countries", u"nations", u"members", u"governments", u"republics",
                            u"capitals", u"leaders", u"neighbours", u"neighbors", u"economies", u"militaries"}))
        return true;
    if (before.size() >= 2 && before.last() == u"of"
        && containsAny({before.at(before.size() - 2)}, {u"members", u"states", u"countries", u"governments", u"leaders"}))
        return true;
    // A power's presence weighed in a small region: "China's presence in Central Asia".
    return memberCount <= 8 && !before.isEmpty() && before.last() == u"in"
        && containsAny(before, {u"presence", u"influence", u"footprint", u"role", u"interests", u"investment",
                                u"investments", u"sway", u"foothold", u"leverage", u"dominance", u"position"});
}

} // namespace

LinkedSentence Linker::linkSentence(const QString &sentence, int paragraph, int sentenceIndex) const
{
    LinkedSentence out;
    Claim &c = out.claim;
    c.paragraph = paragraph;
    c.sentence = sentenceIndex;
    c.text = sentence;
    out.mentions = m_gazetteer.find(sentence);
    const QString lower = plainLower(sentence);
    const bool speaksOfClaims = hasWord(lower, {u"claim", u"claims", u"claimed", u"claimant", u"claimants",
                                                u"disputed", u"dispute", u"disputes", u"contested", u"sovereignty"});
    const bool speaksOfFounding = hasWord(lower, {u"creation", u"founding", u"founded", u"founders", u"establishment",
                                                  u"established", u"formation", u"formed"});
    QStringList expanded; // regions that come from a group or a feature, after the named ones
    for (const Mention &m : out.mentions) {
        switch (m.target.kind) {
        case LinkTarget::Kind::Region:
            appendUnique(c.regions, m.target.id);
            break;
        case LinkTarget::Kind::Group: {
            appendUnique(c.groups, m.target.id);
            const QStringList members = m_gazetteer.groupMembers(m.target.id);
            if (groupIsSubject(lower, m, int(members.size())))
                for (const QString &member : members)
                    appendUnique(expanded, member);
            break;
        }
        case LinkTarget::Kind::Feature:
            appendUnique(c.features, m.target.id);
            if (speaksOfClaims)
                for (const QString &claimant : m_gazetteer.claimants(m.target.id))
                    appendUnique(expanded, claimant);
            if (speaksOfFounding)
                for (const QString &founder : m_gazetteer.foundingMembers(m.target.id))
                    appendUnique(expanded, founder);
            break;
        case LinkTarget::Kind::Topic:
            appendUnique(c.topics, m.target.id);
            break;
        }
    }
    for (const QString &r : expanded)
        appendUnique(c.regions, r);
    const StanceResult stance = decideStance(sentence, out.mentions);
    c.stance = stance.stance;
    c.confidence = stance.confidence;
    c.cues = stance.cues;
    return out;
}

QList<LinkedSentence> Linker::linkSentences(const QString &text) const
{
    QList<LinkedSentence> out;
    // The narrative's principal actors: the regions named in the most sentences so far. A
    // sentence that names no region, or speaks of "both countries", is about them ("This has
    // led to…", "Another area of conflict is…").
    QHash<QString, int> namedIn;
    QStringList order;
    const SentenceSplitter::Outline outline = SentenceSplitter::outline(text);
    const QStringList &paragraphs = outline.paragraphs;
    for (int p = 0; p < paragraphs.size(); ++p) {
        if (outline.headings.at(p))
            continue; // a section heading is no claim
        const QStringList sentences = SentenceSplitter::sentences(paragraphs.at(p));
        for (int s = 0; s < sentences.size(); ++s) {
            LinkedSentence linked = linkSentence(sentences.at(s), p, s);
            QStringList direct;
            for (const Mention &m : linked.mentions)
                if (m.target.kind == LinkTarget::Kind::Region)
                    appendUnique(direct, m.target.id);
            int top = 0;
            for (const QString &r : order)
                top = std::max(top, namedIn.value(r));
            QStringList principal;
            if (top >= 1)
                for (const QString &r : order)
                    if (namedIn.value(r) == top)
                        principal << r;
            const QString lower = plainLower(linked.claim.text);
            const bool pairPhrase = std::any_of(std::begin(kPairPhrases), std::end(kPairPhrases),
                                                [&lower](QStringView phrase) { return lower.contains(phrase); });
            if (principal.size() >= 2 && (direct.isEmpty() || pairPhrase)) {
                QStringList regions = principal;
                for (const QString &r : linked.claim.regions)
                    appendUnique(regions, r);
                linked.claim.regions = regions;
                direct += principal;
            }
            direct.removeDuplicates();
            for (const QString &r : direct) {
                if (!namedIn.contains(r))
                    order << r;
                ++namedIn[r];
            }
            out.push_back(std::move(linked));
            out.back().claim.id = u"c"_s + QString::number(out.size());
        }
    }
    return out;
}

Brief Linker::relink(const Brief &previous, const Brief &relinked)
{
    Brief out = previous;
    out.narrativeSource = relinked.narrativeSource;
    out.paragraphs = relinked.paragraphs;
    out.claims.clear();
    int highest = 0;
    QMultiHash<QString, int> byText; // simplified sentence -> index into previous.claims
    for (int i = 0; i < previous.claims.size(); ++i) {
        const Claim &c = previous.claims.at(i);
        byText.insert(c.text.simplified(), i);
        if (c.id.startsWith(u'c'))
            highest = std::max(highest, c.id.mid(1).toInt());
    }
    QList<bool> used(previous.claims.size(), false);
    for (const Claim &fresh : relinked.claims) {
        int match = -1;
        // The first unused claim with this text, in narrative order (values() is newest first).
        QList<int> candidates = byText.values(fresh.text.simplified());
        std::sort(candidates.begin(), candidates.end());
        for (int i : candidates)
            if (!used.at(i)) {
                match = i;
                break;
            }
        if (match < 0) {
            Claim c = fresh;
            c.id = u"c"_s + QString::number(++highest);
            out.claims << c;
            continue;
        }
        used[match] = true;
        Claim kept = previous.claims.at(match);
        kept.paragraph = fresh.paragraph;
        kept.sentence = fresh.sentence;
        kept.text = fresh.text;
        out.claims << kept;
    }
    return out;
}

Brief Linker::link(const QString &text, const QString &sourceName) const
{
    Brief brief;
    brief.narrativeSource = sourceName;
    const SentenceSplitter::Outline outline = SentenceSplitter::outline(text);
    brief.title = outline.title;
    brief.paragraphs = outline.paragraphs;
    for (const LinkedSentence &s : linkSentences(text))
        brief.claims << s.claim;
    return brief;
}

} // namespace spheres
