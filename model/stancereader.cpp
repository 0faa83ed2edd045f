#include "stancereader.h"

#include "stancelexicon.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace spheres {

namespace {

constexpr double kMixedConfidence = 0.35;

void appendUnique(QStringList &list, const QString &value)
{
    if (!list.contains(value))
        list << value;
}

bool isWordChar(QChar c) { return c.isLetterOrNumber(); }

bool listed(std::span<const QStringView> words, QStringView word) { return std::find(words.begin(), words.end(), word) != words.end(); }

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

/// One sentence's cues and the rules that weigh them, each rule a step over the cues found.
class SentenceCues
{
public:
    SentenceCues(const QString &sentence, const QList<Mention> &mentions);
    void findCues();
    void setAsideConcessiveClauses();
    void weakenBeforeContrast();
    void applyEndingVerbs();
    void applyNegation();
    void setAsideHarmedCooperation();
    void turnRivalryAimedAtThirdParty();
    void setAsideCooperationARivalObjectsTo();
    StanceReading verdict() const;

private:
    const QList<Mention> &mentions;
    QString text;
    qsizetype sentenceStart = 0;
    QList<CueHit> hits;
};

// Names are masked so that their words are no cues; apostrophes and dashes made plain.
SentenceCues::SentenceCues(const QString &sentence, const QList<Mention> &mentions) : mentions(mentions)
{
    text = sentence;
    for (QChar &c : text) {
        if (c == u'\u2019')
            c = u'\'';
        else if (c == u'\u2010' || c == u'\u2011' || c == u'\u2013' || c == u'\u2014')
            c = u'-';
    }
    for (const Mention &m : mentions)
        for (qsizetype i = m.offset; i < m.offset + m.length && i < text.size(); ++i)
            text[i] = u'#';
    while (sentenceStart < text.size() && !text.at(sentenceStart).isLetter())
        ++sentenceStart;
}

// Every cue phrase of the lexicon in the sentence, the longest at each word start.
void SentenceCues::findCues()
{
    // The lexicon by first letter, longest first, so that each word start tries only its own.
    static const QHash<QChar, QList<const StanceCue *>> byFirst = [] {
        QHash<QChar, QList<const StanceCue *>> out;
        for (const StanceCue &cue : StanceLexicon::cues())
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
}

// "Although they compete, …": the concessive clause up to its comma does not count.
void SentenceCues::setAsideConcessiveClauses()
{
    for (QStringView marker : StanceLexicon::concessive()) {
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
}

// Cues before a contrastive connective ("but", "yet") weigh half.
void SentenceCues::weakenBeforeContrast()
{
    for (QStringView marker : StanceLexicon::contrast()) {
        for (qsizetype at = findPhrase(text, marker, -1); at >= 0; at = findPhrase(text, marker, -1, at + 1)) {
            const QString before = text.left(at).trimmed().toLower();
            if (before.isEmpty() || before.endsWith(u"not"_s) || before.endsWith(u"n't"_s) || before.endsWith(u"and"_s))
                continue; // opens the sentence (a contrast with the one before), or "not yet", "and yet"
            for (CueHit &h : hits)
                if (h.end <= at)
                    h.factor = 0.5;
        }
    }
}

// A rivalry ended: "ended their dispute", "eased tensions" (the resolving verb a few words
// before the cue, in its clause).
void SentenceCues::applyEndingVerbs()
{
    for (QStringView verb : StanceLexicon::resolve()) {
        for (qsizetype at = findPhrase(text, verb, sentenceStart); at >= 0;
             at = findPhrase(text, verb, sentenceStart, at + 1)) {
            const bool ending = listed(StanceLexicon::ending(), verb);
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
}

// Negation: a negated cooperation cue is rivalry ("have not agreed"), a negated rivalry cue
// is no relation either way ("no dispute"). The scope is the three words before the cue
// within its clause; "not only" negates nothing.
void SentenceCues::applyNegation()
{
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
                || listed(StanceLexicon::negations(), w);
            return negation && !(w == u"not" && scope.contains(u"only"_s));
        });
        if (negated) {
            h.stance = h.stance == Stance::Cooperation ? Stance::Rivalry : Stance::Context;
            h.negated = true;
        }
    }
}

// Harm to a relationship: cooperation cues after a harm verb in its clause are its object.
void SentenceCues::setAsideHarmedCooperation()
{
    for (const CueHit &harm : hits) {
        const QString word = text.mid(harm.offset, harm.end - harm.offset).toLower();
        if (!harm.counted || !listed(StanceLexicon::harm(), word))
            continue;
        for (CueHit &h : hits) {
            if (h.offset > harm.offset && h.stance == Stance::Cooperation && !text.mid(harm.end, h.offset - harm.end).contains(u',')
                && text.mid(harm.end, h.offset - harm.end).split(u' ', Qt::SkipEmptyParts).size() <= 4)
                h.counted = false;
        }
    }
}

// Rivalry aimed at a third party: when the subject is a pair (two regions named before the
// first rivalry cue, or "both countries") and a rivalry cue's object, a few words on and not
// a place ("in Central Asia"), is another region or group, the pair stands together against
// it: "their shared opposition to the United States", "challenge American dominance". Such a
// cue counts for cooperation between the pair.
void SentenceCues::turnRivalryAimedAtThirdParty()
{
    const auto firstRivalry = std::find_if(hits.begin(), hits.end(),
                                           [](const CueHit &h) { return h.counted && h.stance == Stance::Rivalry; });
    if (firstRivalry != hits.end()) {
        QStringList pair;
        for (const Mention &m : mentions)
            if (m.target.kind == LinkTarget::Kind::Region && m.offset < firstRivalry->offset)
                appendUnique(pair, m.target.id);
        bool isPair = pair.size() >= 2;
        for (QStringView phrase : StanceLexicon::pairPhrases()) {
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
                return listed(StanceLexicon::locatives(), w.toLower());
            });
            if (gap.size() <= 3 && !locative) {
                h.stance = Stance::Cooperation;
                h.thirdParty = true;
            }
        }
    }
}

// Whose interests: cooperation between some states, then a rivalry cue whose subject is a
// state not among them ("Dhaka welcomed Chinese loans that New Delhi views with suspicion",
// "Manila signed a pact with Tokyo, which Beijing called a provocation"). The sentence is
// told from the rival's side: the cooperation is what it objects to, and counts no more.
void SentenceCues::setAsideCooperationARivalObjectsTo()
{
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
}

StanceReading SentenceCues::verdict() const
{
    double score[3] = {0, 0, 0}; // by Stance
    for (const CueHit &h : hits)
        if (h.counted)
            score[int(h.stance)] += h.cue->weight * h.factor;
    const double coop = score[int(Stance::Cooperation)], rivalry = score[int(Stance::Rivalry)],
                 context = score[int(Stance::Context)];
    const double relational = std::max(coop, rivalry);

    StanceReading r;
    auto record = [&](auto accept) {
        for (const CueHit &h : hits)
            if (h.counted && accept(h))
                appendUnique(r.cues, h.thirdParty ? h.cue->phrase + u" (third party)"_s
                                     : h.negated  ? h.cue->phrase + u" (negated)"_s
                                     : h.resolved ? h.cue->phrase + u" (ended)"_s
                                                  : h.cue->phrase);
    };
    if (coop == 0 && rivalry == 0 && context == 0)
        return r; // no cue: context, StanceReading::kNoCueConfidence
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

StanceReading StanceReader::read(const QString &sentence, const QList<Mention> &mentions)
{
    SentenceCues cues(sentence, mentions);
    cues.findCues();
    cues.setAsideConcessiveClauses();
    cues.weakenBeforeContrast();
    cues.applyEndingVerbs();
    cues.applyNegation();
    cues.setAsideHarmedCooperation();
    cues.turnRivalryAimedAtThirdParty();
    cues.setAsideCooperationARivalObjectsTo();
    return cues.verdict();
}

} // namespace spheres
