#include "linker.h"

#include "sentencesplitter.h"
#include "stancelexicon.h"
#include "stancereader.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace spheres {

namespace {

void appendUnique(QStringList &list, const QString &value)
{
    if (!list.contains(value))
        list << value;
}

} // namespace

Linker::Linker(const Gazetteer &gazetteer)
    : m_gazetteer(gazetteer)
{
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
    const StanceReading stance = StanceReader::read(sentence, out.mentions);
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
            const std::span<const QStringView> pairs = StanceLexicon::pairPhrases();
            const bool pairPhrase = std::any_of(pairs.begin(), pairs.end(),
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
