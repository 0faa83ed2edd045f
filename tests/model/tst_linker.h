// The linker's tests: one program, tst_linker, whose slots are defined by topic across
// tst_linker*.cpp so that no file grows past 500 lines.
#pragma once

#include "atlas.h"
#include "gazetteer.h"
#include "geojsonreader.h"
#include "linker.h"
#include "sentencesplitter.h"

#include <QTest>

using namespace spheres;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(spheres::Stance)

namespace {

// The shipped sample narrative (china-russia.txt), embedded so the test needs nothing outside the repository.
inline const QString kNarrative = QString::fromUtf8(R"txt(In recent years, the relationship between China and Russia has grown stronger than ever, with both countries showing a willingness to work together on a wide range of economic and geopolitical issues. This newfound closeness has raised concerns in some quarters about the impact that it may have on global stability.
One of the main drivers of the China-Russia alliance is their shared opposition to the United States. Both countries have expressed dissatisfaction with the US-led world order and have sought to challenge American dominance on the global stage. This has led to a number of joint military and economic ventures, including the creation of the Shanghai Cooperation Organization and the joint development of infrastructure projects such as the Belt and Road Initiative.
Another factor that has brought China and Russia closer together is their common interest in energy resources. Both countries are major exporters of oil and gas, and they have signed a number of agreements aimed at boosting energy cooperation. This has included the construction of pipelines and other infrastructure projects that enable them to trade energy more efficiently.
Despite their shared interests, however, there are also potential areas of conflict between China and Russia. One of the most significant is the issue of territorial disputes, particularly in the Asia-Pacific region. China’s assertiveness in the South China Sea and its claims to islands that are also claimed by other countries have raised concerns in Russia, which fears that Chinese expansionism could threaten its own territorial integrity.
Another potential area of conflict is the question of regional influence. Both China and Russia are seeking to expand their spheres of influence in their respective regions, and this could lead to competition between the two countries. For example, China’s increasing economic presence in Central Asia could potentially undermine Russia’s traditional influence in the region.
Despite these potential areas of conflict, however, the China-Russia alliance is likely to remain strong in the coming years. Both countries have a vested interest in working together, and they are likely to continue to do so as long as their shared interests outweigh their differences.
The growing closeness between China and Russia has important implications for the rest of the world. Some analysts have argued that the alliance could pose a challenge to the existing global order, particularly if it leads to greater cooperation between the two countries on military issues. Others have suggested that the China-Russia alliance could help to counterbalance US power, creating a more multipolar world in which multiple powers compete for influence.)txt");

inline const Gazetteer &gazetteer()
{
    static const Gazetteer g = [] {
        QStringList errors;
        const auto layers = GeoJsonReader::readAllBuiltIn(errors);
        return Gazetteer(Atlas::loadBuiltIn(Atlas::Detail::Coarse).atlas, layers);
    }();
    return g;
}

inline const Linker &linker()
{
    static const Linker l(gazetteer());
    return l;
}

inline const QList<LinkedSentence> &narrative()
{
    static const QList<LinkedSentence> sentences = linker().linkSentences(kNarrative);
    return sentences;
}

// The narrative's claim whose text contains `part`.
inline const Claim *claimWith(const QString &part)
{
    for (const LinkedSentence &s : narrative())
        if (s.claim.text.contains(part))
            return &s.claim;
    return nullptr;
}

inline QString plain(QString s)
{
    s.replace(u'\u2019', u'\'').replace(u'\u2013', u'-');
    return s;
}

inline bool containsAll(const QStringList &list, const QStringList &wanted)
{
    return std::all_of(wanted.begin(), wanted.end(), [&list](const QString &w) { return list.contains(w); });
}

inline QString describe(const Claim &c)
{
    return QStringLiteral("%1 [%2 %3] regions=%4 groups=%5 features=%6 topics=%7 cues=%8: %9")
        .arg(c.id, stanceKey(c.stance))
        .arg(c.confidence)
        .arg(c.regions.join(u','), c.groups.join(u','), c.features.join(u','), c.topics.join(u','), c.cues.join(u','), c.text);
}

inline const QStringList kSouthChinaSea = {u"contested/nine-dash-line"_s, u"contested/spratly-islands"_s,
                                    u"contested/paracel-islands"_s, u"contested/scarborough-shoal"_s};

} // namespace

class TestLinker : public QObject
{
    Q_OBJECT
private slots:
    void sentences_data();
    void sentences();
    void paragraphs_data();
    void paragraphs();
    void splitNumbersParagraphsAndSentences();

    void mentions_data();
    void mentions();
    void mentionKeepsTextAndOffset_data();
    void mentionKeepsTextAndOffset();

    void sentenceLinks_data();
    void sentenceLinks();
    void userLayerFeaturesAreNamed();

    void stance_data();
    void stance();

    void narrativeStructure();
    void markdownNarrative();
    void markdownSectionsAreNoClaims();
    void relinkKeepsTheUsersEdits();
    void narrativeLinks_data();
    void narrativeLinks();
    void narrativeFindsTheMajorPowers();
    void narrativeLinksOnlyWhatASentenceNames();
    void narrativeStances_data();
    void narrativeStances();
    void confidenceIsAProbability();
    void cueLexiconIsWellFormed();
};
