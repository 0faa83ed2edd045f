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
const QString kNarrative = QString::fromUtf8(R"txt(In recent years, the relationship between China and Russia has grown stronger than ever, with both countries showing a willingness to work together on a wide range of economic and geopolitical issues. This newfound closeness has raised concerns in some quarters about the impact that it may have on global stability.
One of the main drivers of the China-Russia alliance is their shared opposition to the United States. Both countries have expressed dissatisfaction with the US-led world order and have sought to challenge American dominance on the global stage. This has led to a number of joint military and economic ventures, including the creation of the Shanghai Cooperation Organization and the joint development of infrastructure projects such as the Belt and Road Initiative.
Another factor that has brought China and Russia closer together is their common interest in energy resources. Both countries are major exporters of oil and gas, and they have signed a number of agreements aimed at boosting energy cooperation. This has included the construction of pipelines and other infrastructure projects that enable them to trade energy more efficiently.
Despite their shared interests, however, there are also potential areas of conflict between China and Russia. One of the most significant is the issue of territorial disputes, particularly in the Asia-Pacific region. China’s assertiveness in the South China Sea and its claims to islands that are also claimed by other countries have raised concerns in Russia, which fears that Chinese expansionism could threaten its own territorial integrity.
Another potential area of conflict is the question of regional influence. Both China and Russia are seeking to expand their spheres of influence in their respective regions, and this could lead to competition between the two countries. For example, China’s increasing economic presence in Central Asia could potentially undermine Russia’s traditional influence in the region.
Despite these potential areas of conflict, however, the China-Russia alliance is likely to remain strong in the coming years. Both countries have a vested interest in working together, and they are likely to continue to do so as long as their shared interests outweigh their differences.
The growing closeness between China and Russia has important implications for the rest of the world. Some analysts have argued that the alliance could pose a challenge to the existing global order, particularly if it leads to greater cooperation between the two countries on military issues. Others have suggested that the China-Russia alliance could help to counterbalance US power, creating a more multipolar world in which multiple powers compete for influence.)txt");

const Gazetteer &gazetteer()
{
    static const Gazetteer g = [] {
        QStringList errors;
        const auto layers = GeoJsonReader::readAllBuiltIn(errors);
        return Gazetteer(Atlas::loadBuiltIn(Atlas::Detail::Coarse).atlas, layers);
    }();
    return g;
}

const Linker &linker()
{
    static const Linker l(gazetteer());
    return l;
}

const QList<LinkedSentence> &narrative()
{
    static const QList<LinkedSentence> sentences = linker().linkSentences(kNarrative);
    return sentences;
}

// The narrative's claim whose text contains `part`.
const Claim *claimWith(const QString &part)
{
    for (const LinkedSentence &s : narrative())
        if (s.claim.text.contains(part))
            return &s.claim;
    return nullptr;
}

QString plain(QString s)
{
    s.replace(u'\u2019', u'\'').replace(u'\u2013', u'-');
    return s;
}

bool containsAll(const QStringList &list, const QStringList &wanted)
{
    return std::all_of(wanted.begin(), wanted.end(), [&list](const QString &w) { return list.contains(w); });
}

QString describe(const Claim &c)
{
    return QStringLiteral("%1 [%2 %3] regions=%4 groups=%5 features=%6 topics=%7 cues=%8: %9")
        .arg(c.id, stanceKey(c.stance))
        .arg(c.confidence)
        .arg(c.regions.join(u','), c.groups.join(u','), c.features.join(u','), c.topics.join(u','), c.cues.join(u','), c.text);
}

const QStringList kSouthChinaSea = {u"contested/nine-dash-line"_s, u"contested/spratly-islands"_s,
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

// --- Splitting ------------------------------------------------------------------------------

void TestLinker::sentences_data()
{
    QTest::addColumn<QString>("paragraph");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("U.S.") << u"The U.S. Navy sailed. It left."_s << QStringList{u"The U.S. Navy sailed."_s, u"It left."_s};
    QTest::newRow("U.K. and U.N.") << u"The U.K. and the U.N. agreed. Talks ended."_s
                                  << QStringList{u"The U.K. and the U.N. agreed."_s, u"Talks ended."_s};
    QTest::newRow("e.g.") << u"Some states, e.g. Kazakhstan, agreed. Others did not."_s
                          << QStringList{u"Some states, e.g. Kazakhstan, agreed."_s, u"Others did not."_s};
    QTest::newRow("i.e.") << u"The core, i.e. Russia, held. Then it broke."_s
                          << QStringList{u"The core, i.e. Russia, held."_s, u"Then it broke."_s};
    QTest::newRow("etc. before lower case") << u"Oil, gas, etc. are traded. Prices rose."_s
                                            << QStringList{u"Oil, gas, etc. are traded."_s, u"Prices rose."_s};
    QTest::newRow("etc. at the end") << u"They trade oil, gas, etc. Prices rose."_s
                                     << QStringList{u"They trade oil, gas, etc."_s, u"Prices rose."_s};
    QTest::newRow("titles") << u"Mr. Xi met Dr. Putin in St. Petersburg. They talked."_s
                            << QStringList{u"Mr. Xi met Dr. Putin in St. Petersburg."_s, u"They talked."_s};
    QTest::newRow("No. before a number") << u"Resolution No. 5 passed. It was close."_s
                                         << QStringList{u"Resolution No. 5 passed."_s, u"It was close."_s};
    QTest::newRow("vs.") << u"It was Russia vs. China. Nobody won."_s
                         << QStringList{u"It was Russia vs. China."_s, u"Nobody won."_s};
    QTest::newRow("months") << u"Signed on Jan. 5 and ratified in Dec. 2020 by both. Then trade grew."_s
                            << QStringList{u"Signed on Jan. 5 and ratified in Dec. 2020 by both."_s, u"Then trade grew."_s};
    QTest::newRow("initials") << u"J. K. Rowling wrote it. She was paid."_s
                              << QStringList{u"J. K. Rowling wrote it."_s, u"She was paid."_s};
    QTest::newRow("decimals") << u"Trade grew 3.5 percent. It reached 1.2 trillion."_s
                              << QStringList{u"Trade grew 3.5 percent."_s, u"It reached 1.2 trillion."_s};
    QTest::newRow("ellipsis") << u"They waited... Then nothing happened. It ended."_s
                              << QStringList{u"They waited... Then nothing happened."_s, u"It ended."_s};
    QTest::newRow("ellipsis character") << u"They waited\u2026 and then left. Fine."_s
                                        << QStringList{u"They waited\u2026 and then left."_s, u"Fine."_s};
    QTest::newRow("question and exclamation") << u"Will they cooperate? Nobody knows! Time will tell."_s
                                              << QStringList{u"Will they cooperate?"_s, u"Nobody knows!"_s, u"Time will tell."_s};
    QTest::newRow("straight quotes") << u"He said, \"We agree.\" Then he left."_s
                                     << QStringList{u"He said, \"We agree.\""_s, u"Then he left."_s};
    QTest::newRow("curly quotes") << u"She asked, \u201CIs it over?\u201D He said no."_s
                                  << QStringList{u"She asked, \u201CIs it over?\u201D"_s, u"He said no."_s};
    QTest::newRow("quoted question, lower case after") << u"\u201CWhy?\u201D he asked. Nobody answered."_s
                                                       << QStringList{u"\u201CWhy?\u201D he asked."_s, u"Nobody answered."_s};
    QTest::newRow("bracket after the stop") << u"Trade rose (by a lot.) Prices fell."_s
                                            << QStringList{u"Trade rose (by a lot.)"_s, u"Prices fell."_s};
    QTest::newRow("next sentence opens with a quote") << u"It ended. \u201CNever again,\u201D they said."_s
                                                      << QStringList{u"It ended."_s, u"\u201CNever again,\u201D they said."_s};
    QTest::newRow("footnote at the end") << u"Russia lost influence.2"_s << QStringList{u"Russia lost influence."_s};
    QTest::newRow("footnote inside") << u"Russia lost influence.12 China gained it."_s
                                     << QStringList{u"Russia lost influence."_s, u"China gained it."_s};
    QTest::newRow("year at the end stays") << u"It was signed in 2001."_s << QStringList{u"It was signed in 2001."_s};
    QTest::newRow("no final stop") << u"A heading without a stop"_s << QStringList{u"A heading without a stop"_s};
    QTest::newRow("empty") << QString() << QStringList();
}

void TestLinker::sentences()
{
    QFETCH(QString, paragraph);
    QFETCH(QStringList, expected);
    QCOMPARE(SentenceSplitter::sentences(paragraph), expected);
}

void TestLinker::paragraphs_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("single newlines") << u"First paragraph.\nSecond paragraph."_s
                                     << QStringList{u"First paragraph."_s, u"Second paragraph."_s};
    QTest::newRow("blank lines, hard-wrapped") << u"First line\ncontinues here.\n\nSecond paragraph."_s
                                               << QStringList{u"First line continues here."_s, u"Second paragraph."_s};
    QTest::newRow("CRLF") << u"One.\r\nTwo."_s << QStringList{u"One."_s, u"Two."_s};
    QTest::newRow("empty lines dropped") << u"\n\n  \nText.\n\n\n"_s << QStringList{u"Text."_s};
    QTest::newRow("markdown blocks")
        << u"# Title\n\nIntro text.\n\n- item one\n- item two\n* star item\n+ plus item\n1. numbered\n2) other\n> quoted text"_s
        << QStringList{u"Title"_s, u"Intro text."_s, u"item one"_s, u"item two"_s, u"star item"_s, u"plus item"_s,
                       u"numbered"_s, u"other"_s, u"quoted text"_s};
    QTest::newRow("heading with closing hashes") << u"## Heading ##\nText."_s << QStringList{u"Heading"_s, u"Text."_s};
    QTest::newRow("emphasis") << u"**China** and *Russia* are __close__ and _allied_."_s
                              << QStringList{u"China and Russia are close and allied."_s};
    QTest::newRow("snake_case and a lone star kept") << u"a snake_case_word and 2 * 3 stay"_s
                                                     << QStringList{u"a snake_case_word and 2 * 3 stay"_s};
    QTest::newRow("links and code") << u"See [the report](https://example.org) and `code` now."_s
                                    << QStringList{u"See the report and code now."_s};
    QTest::newRow("rules and fences dropped") << u"Text.\n\n---\n\n```\nMore.\n```"_s << QStringList{u"Text."_s, u"More."_s};
    QTest::newRow("nested quote list") << u"> - quoted item"_s << QStringList{u"quoted item"_s};
}

void TestLinker::paragraphs()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    QCOMPARE(SentenceSplitter::paragraphs(text), expected);
}

void TestLinker::splitNumbersParagraphsAndSentences()
{
    const QList<SentenceSpan> spans = SentenceSplitter::split(u"# Head\n\nOne. Two.\n\nThree."_s);
    const QList<SentenceSpan> expected = {{0, 0, u"Head"_s}, {1, 0, u"One."_s}, {1, 1, u"Two."_s}, {2, 0, u"Three."_s}};
    QCOMPARE(spans, expected);
}

// --- Gazetteer ------------------------------------------------------------------------------

void TestLinker::mentions_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("regions");
    QTest::addColumn<QStringList>("groups");
    QTest::addColumn<QStringList>("features");
    QTest::addColumn<QStringList>("topics");
    const QStringList none;
    // False hits.
    QTest::newRow("Indian Ocean is not India") << u"Ships crossed the Indian Ocean."_s << none << none << none << none;
    QTest::newRow("Indian is India") << u"An Indian delegation arrived."_s << QStringList{u"IND"_s} << none << none << none;
    QTest::newRow("let us go") << u"Let us go and see. Tell us."_s << none << none << none << none;
    QTest::newRow("Latin America is not the US") << u"Latin America trades with China."_s << QStringList{u"CHN"_s} << none << none << none;
    QTest::newRow("South America is not the US") << u"Trade with South America and south american states grew."_s << none << none << none << none;
    QTest::newRow("American is the US") << u"American officials objected."_s << QStringList{u"USA"_s} << none << none << none;
    QTest::newRow("a georgia peach") << u"a georgia peach"_s << none << none << none << none;
    QTest::newRow("Georgia") << u"Georgia and Armenia"_s << QStringList{u"GEO"_s, u"ARM"_s} << none << none << none;
    QTest::newRow("turkey, the bird") << u"a turkey dinner and a hanging chad in jordan"_s << none << none << none << none;
    QTest::newRow("not inside words") << u"Indiana, Chinatown, Nigeria."_s << QStringList{u"NGA"_s} << none << none << none;
    // Possessives, plurals, acronyms, hyphens.
    QTest::newRow("Turkey's") << u"Turkey's position shifted."_s << QStringList{u"TUR"_s} << none << none << none;
    QTest::newRow("possessive, straight") << u"China's navy"_s << QStringList{u"CHN"_s} << none << none << none;
    QTest::newRow("possessive, curly") << u"Russia\u2019s navy"_s << QStringList{u"RUS"_s} << none << none << none;
    QTest::newRow("plural demonyms") << u"Russians and Kazakhs met Chinese officials."_s
                                     << QStringList{u"RUS"_s, u"KAZ"_s, u"CHN"_s} << none << none << none;
    QTest::newRow("U.S.") << u"The U.S. Navy sailed."_s << QStringList{u"USA"_s} << none << none << none;
    QTest::newRow("the US, the United States") << u"The US and the United States."_s << QStringList{u"USA"_s} << none << none << none;
    QTest::newRow("hyphens are boundaries") << u"the US-led order and China-Russia ties"_s
                                            << QStringList{u"USA"_s, u"CHN"_s, u"RUS"_s} << none << none << none;
    QTest::newRow("Taiwan is the state") << u"Taiwan held elections."_s << QStringList{u"TWN"_s} << none << none << none;
    // Groups.
    QTest::newRow("Central Asia") << u"Influence in Central Asia."_s << none << QStringList{u"central-asia"_s} << none << none;
    QTest::newRow("the Asia-Pacific") << u"Across the Asia-Pacific, Asia Pacific and the Asia-Pacific region."_s
                                      << none << QStringList{u"asia-pacific"_s} << none << none;
    QTest::newRow("the Arctic") << u"Shipping in the Arctic grows. The Arctic states agree."_s
                                << none << QStringList{u"arctic"_s} << none << none;
    QTest::newRow("EAEU") << u"The Eurasian Economic Union (EAEU) met."_s << none << QStringList{u"eaeu"_s} << none << none;
    // Features and topics.
    QTest::newRow("SCO") << u"The SCO and the Shanghai Cooperation Organisation."_s << none << none << QStringList{u"sco"_s} << none;
    QTest::newRow("Shanghai Cooperation Organization") << u"the Shanghai Cooperation Organization"_s << none << none << QStringList{u"sco"_s} << none;
    QTest::newRow("Power of Siberia") << u"Power of Siberia delivers gas."_s << none << none
                                      << QStringList{u"pipelines/power-of-siberia"_s} << none;
    QTest::newRow("Power of Siberia 2") << u"Power of Siberia 2 is planned."_s << none << none
                                        << QStringList{u"pipelines/power-of-siberia-2"_s} << none;
    QTest::newRow("ESPO") << u"Oil flows through ESPO."_s << none << none << QStringList{u"pipelines/espo"_s} << none;
    QTest::newRow("a pipeline's name links its countries") << u"The Kazakhstan\u2013China oil pipeline runs east."_s
                                                           << QStringList{u"KAZ"_s, u"CHN"_s} << none
                                                           << QStringList{u"pipelines/kazakhstan-china-oil"_s} << none;
    QTest::newRow("pipelines, lower case") << u"New pipelines were built."_s << none << none << none << none;
    QTest::newRow("South China Sea is not China") << u"Patrols in the South China Sea."_s << none << none << kSouthChinaSea << none;
    QTest::newRow("south china sea, lower case") << u"patrols in the south china sea"_s << none << none << kSouthChinaSea << none;
    QTest::newRow("East China Sea is not China") << u"The East China Sea is calm."_s << none << none << none << none;
    QTest::newRow("Senkaku, Diaoyu") << u"The Senkaku or Diaoyu islands."_s << none << none
                                     << QStringList{u"contested/senkaku-diaoyu"_s} << none;
    QTest::newRow("Kurils") << u"The Kuril chain, the Northern Territories."_s << none << none
                            << QStringList{u"contested/kuril-islands"_s} << none;
    QTest::newRow("Himalayan zones") << u"Kashmir, Aksai Chin and Arunachal."_s << none << none
                                     << QStringList{u"contested/kashmir"_s, u"contested/aksai-chin"_s, u"contested/arunachal-pradesh"_s} << none;
    QTest::newRow("Taiwan Strait") << u"Ships in the Taiwan Strait."_s << none << none << QStringList{u"contested/taiwan"_s} << none;
    QTest::newRow("Belt and Road") << u"The Belt and Road Initiative, the Belt and Road, BRI and One Belt, One Road."_s
                                   << none << none << none << QStringList{u"belt-and-road"_s};
}

void TestLinker::mentions()
{
    QFETCH(QString, text);
    QFETCH(QStringList, regions);
    QFETCH(QStringList, groups);
    QFETCH(QStringList, features);
    QFETCH(QStringList, topics);
    QStringList r, g, f, t;
    for (const Mention &m : gazetteer().find(text)) {
        QStringList &list = m.target.kind == LinkTarget::Kind::Region  ? r
                            : m.target.kind == LinkTarget::Kind::Group ? g
                            : m.target.kind == LinkTarget::Kind::Feature ? f
                                                                         : t;
        if (!list.contains(m.target.id))
            list << m.target.id;
        QCOMPARE(text.mid(m.offset, m.length), m.text);
    }
    QCOMPARE(r, regions);
    QCOMPARE(g, groups);
    QCOMPARE(f, features);
    QCOMPARE(t, topics);
}

void TestLinker::mentionKeepsTextAndOffset_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("mentionText");
    QTest::addColumn<int>("offset");
    QTest::newRow("curly possessive") << u"Then Russia\u2019s turn."_s << u"Russia\u2019s"_s << 5;
    QTest::newRow("straight possessive") << u"Then China's turn."_s << u"China's"_s << 5;
    QTest::newRow("the US") << u"Ask the US now."_s << u"the US"_s << 4;
    QTest::newRow("The United States") << u"The United States agreed."_s << u"The United States"_s << 0;
    QTest::newRow("U.S.") << u"A U.S. ship."_s << u"U.S."_s << 2;
}

void TestLinker::mentionKeepsTextAndOffset()
{
    QFETCH(QString, text);
    QFETCH(QString, mentionText);
    QFETCH(int, offset);
    const QList<Mention> mentions = gazetteer().find(text);
    QCOMPARE(mentions.size(), 1);
    QCOMPARE(mentions.front().text, mentionText);
    QCOMPARE(mentions.front().offset, offset);
    QCOMPARE(mentions.front().length, mentionText.size());
}

// --- Links of one sentence: each error class of issue 15 has its rows ----------------------

void TestLinker::sentenceLinks_data()
{
    QTest::addColumn<QString>("sentence");
    QTest::addColumn<QStringList>("regions"); // compared as sets
    QTest::addColumn<QStringList>("groups");
    QTest::addColumn<QStringList>("features");
    const QStringList none;
    const QStringList centralAsia = {u"KAZ"_s, u"KGZ"_s, u"TJK"_s, u"TKM"_s, u"UZB"_s};
    // 1. Capitals and seats of government stand for their state.
    QTest::newRow("capitals: Beijing and Moscow") << u"Beijing and Moscow agreed."_s << QStringList{u"CHN"_s, u"RUS"_s} << none << none;
    QTest::newRow("capitals: New Delhi's") << u"New Delhi's relationship with Tokyo grew."_s << QStringList{u"IND"_s, u"JPN"_s} << none << none;
    QTest::newRow("seat: the Kremlin") << u"The Kremlin said nothing; neither did the White House."_s << QStringList{u"RUS"_s, u"USA"_s} << none << none;
    QTest::newRow("capitals: Washington, Seoul, Pyongyang") << u"Washington and Seoul warned Pyongyang."_s
                                                            << QStringList{u"USA"_s, u"KOR"_s, u"PRK"_s} << none << none;
    QTest::newRow("capitals: Tehran, Riyadh, Yerevan, Paris") << u"Tehran, Riyadh, Yerevan and Paris sent envoys."_s
                                                             << QStringList{u"IRN"_s, u"SAU"_s, u"ARM"_s, u"FRA"_s} << none << none;
    QTest::newRow("cities from GeoNames") << u"Talks moved from Karachi to Vladivostok."_s << QStringList{u"PAK"_s, u"RUS"_s} << none << none;
    QTest::newRow("given names are people") << u"Jordan Peterson and Chad Smith met Georgia Brown in Jordan."_s
                                            << QStringList{u"JOR"_s} << none << none;
    QTest::newRow("a state before a capitalised word") << u"The Israel Defense Forces moved."_s << QStringList{u"ISR"_s} << none << none;
    QTest::newRow("country before a country") << u"India Pakistan talks and Georgia Armenia ties."_s
                                              << QStringList{u"IND"_s, u"PAK"_s, u"GEO"_s, u"ARM"_s} << none << none;
    QTest::newRow("agreements named after a venue") << u"The Paris Agreement and the Minsk agreements."_s << none << none << none;
    QTest::newRow("common words stay words") << u"Sale of the Island was a Victoria Charlotte matter."_s << none << none << none;
    // 2. Groups that are settings, organisations or things joined link the group, not its members.
    QTest::newRow("joining NATO") << u"Finland's decision on joining NATO surprised Moscow."_s << QStringList{u"FIN"_s, u"RUS"_s}
                                  << QStringList{u"nato"_s} << none;
    QTest::newRow("the European Union's gas") << u"The European Union's gas comes from Norway."_s << QStringList{u"NOR"_s}
                                              << QStringList{u"eu"_s} << none;
    QTest::newRow("Indo-Pacific is no alias of the Asia-Pacific") << u"China courts the Indo-Pacific."_s << QStringList{u"CHN"_s}
                                                                  << QStringList{u"indo-pacific"_s} << none;
    QTest::newRow("the West") << u"The West sanctioned Russia."_s << QStringList{u"RUS"_s} << QStringList{u"the-west"_s} << none;
    QTest::newRow("the former Soviet Union") << u"Moscow still courts the former Soviet Union."_s << QStringList{u"RUS"_s}
                                             << QStringList{u"ussr"_s} << none;
    QTest::newRow("joined BRICS") << u"Egypt joined BRICS in 2024."_s << QStringList{u"EGY"_s} << QStringList{u"brics"_s} << none;
    QTest::newRow("partner in South Asia") << u"Bangladesh is India's closest partner in South Asia."_s
                                           << QStringList{u"BGD"_s, u"IND"_s} << QStringList{u"south-asia"_s} << none;
    QTest::newRow("LNG from the Arctic") << u"LNG from the Arctic reached China."_s << QStringList{u"CHN"_s} << QStringList{u"arctic"_s} << none;
    QTest::newRow("the region is a setting") << u"Tensions rose in the Asia-Pacific region."_s << none << QStringList{u"asia-pacific"_s} << none;
    // … and their members when the sentence is about them.
    QTest::newRow("presence in Central Asia") << u"China's presence in Central Asia grew."_s
                                              << QStringList{u"CHN"_s} + centralAsia << QStringList{u"central-asia"_s} << none;
    QTest::newRow("Central Asian states") << u"The Central Asian states hedge."_s << centralAsia << QStringList{u"central-asia"_s} << none;
    QTest::newRow("members of NATO") << u"The members of NATO met."_s << gazetteer().groupMembers(u"nato"_s) << QStringList{u"nato"_s} << none;
    // 3. Adjectives, combining forms, state companies.
    QTest::newRow("Sino-Russian") << u"Sino-Russian trade grew."_s << QStringList{u"CHN"_s, u"RUS"_s} << none << none;
    QTest::newRow("Russian-led") << u"The Russian-led bloc met."_s << QStringList{u"RUS"_s} << none << none;
    QTest::newRow("state companies") << u"Gazprom, CNPC, Rosneft, Transneft and Sinopec signed."_s << QStringList{u"RUS"_s, u"CHN"_s}
                                     << none << none;
    // 4. Named features, through their names and the names in them.
    QTest::newRow("the Central Asia–China pipeline") << u"The Central Asia\u2013China pipeline runs through Uzbekistan."_s
                                                     << QStringList{u"CHN"_s, u"UZB"_s} << QStringList{u"central-asia"_s}
                                                     << QStringList{u"pipelines/cagp-a"_s, u"pipelines/cagp-b"_s,
                                                                    u"pipelines/cagp-c"_s, u"pipelines/cagp-d"_s};
    QTest::newRow("Line D") << u"Line D is late."_s << none << none << QStringList{u"pipelines/cagp-d"_s};
    QTest::newRow("Power of Siberia 2") << u"Power of Siberia 2 is stalled."_s << none << none << QStringList{u"pipelines/power-of-siberia-2"_s};
    QTest::newRow("the SCO") << u"The SCO met."_s << none << none << QStringList{u"sco"_s};
    QTest::newRow("SCO founders") << u"The creation of the SCO in 2001 was a milestone."_s
                                  << QStringList{u"CHN"_s, u"RUS"_s, u"KAZ"_s, u"KGZ"_s, u"TJK"_s, u"UZB"_s} << none << QStringList{u"sco"_s};
    QTest::newRow("claims bring the claimants") << u"Beijing claims the Paracels."_s << QStringList{u"CHN"_s, u"TWN"_s, u"VNM"_s}
                                                << none << QStringList{u"contested/paracel-islands"_s};
    QTest::newRow("no claim, no claimants") << u"A ship sailed past the Paracels."_s << none << none << QStringList{u"contested/paracel-islands"_s};
}

void TestLinker::sentenceLinks()
{
    QFETCH(QString, sentence);
    QFETCH(QStringList, regions);
    QFETCH(QStringList, groups);
    QFETCH(QStringList, features);
    const Claim c = linker().linkSentence(sentence).claim;
    QStringList got = c.regions, want = regions;
    got.sort();
    want.sort();
    QVERIFY2(got == want, qPrintable(describe(c)));
    QCOMPARE(c.groups, groups);
    QCOMPARE(c.features, features);
}

void TestLinker::userLayerFeaturesAreNamed()
{
    auto layer = std::make_shared<Layer>();
    layer->id = u"user-baltic"_s;
    layer->kind = LayerKind::Lines;
    Feature f;
    f.id = u"bp"_s;
    f.name = u"Baltic Pipe (Norway–Poland)"_s;
    layer->features << f;
    QStringList errors;
    QList<std::shared_ptr<const Layer>> layers = GeoJsonReader::readAllBuiltIn(errors);
    layers << layer;
    const Linker withUserLayer(Gazetteer(Atlas::loadBuiltIn(Atlas::Detail::Coarse).atlas, layers));
    const Claim c = withUserLayer.linkSentence(u"Germany welcomed the Baltic Pipe and Power of Siberia grew."_s).claim;
    QCOMPARE(c.features, (QStringList{u"user-baltic/bp"_s, u"pipelines/power-of-siberia"_s}));
    QCOMPARE(c.regions, QStringList{u"DEU"_s});
    // Without the user layer, the name links nothing; a name no layer draws is a topic.
    QVERIFY(linker().linkSentence(u"Germany welcomed the Baltic Pipe."_s).claim.features.isEmpty());
    QCOMPARE(linker().linkSentence(u"Australia joined AUKUS."_s).claim.topics, QStringList{u"aukus"_s});
    // The CSTO is a group of regions.json now (its members link), no longer a topic.
    const Claim csto = linker().linkSentence(u"Armenia left the CSTO."_s).claim;
    QVERIFY(csto.topics.isEmpty());
    QCOMPARE(csto.groups, QStringList{u"csto"_s});
    // Now that the pipelines layer draws Nord Stream 2, its name is that feature, not a topic.
    const Claim ns2 = linker().linkSentence(u"Germany halted Nord Stream 2."_s).claim;
    QVERIFY2(ns2.topics.isEmpty() && ns2.features.size() == 1 && ns2.features.first().startsWith(u"pipelines/nord-stream"),
             qPrintable(ns2.features.join(u' ')));
}

// --- Stance ---------------------------------------------------------------------------------

void TestLinker::stance_data()
{
    QTest::addColumn<QString>("sentence");
    QTest::addColumn<Stance>("stance");
    QTest::addColumn<QStringList>("cues");
    QTest::addColumn<double>("confidence");
    QTest::newRow("signed an agreement") << u"China and Russia signed a gas agreement."_s << Stance::Cooperation
                                         << QStringList{u"signed"_s, u"agreement"_s} << 0.8;
    QTest::newRow("border tensions") << u"Border tensions between India and China flared."_s << Stance::Rivalry
                                     << QStringList{u"tensions"_s} << 0.65;
    QTest::newRow("analysts, implications") << u"Analysts say the implications are unclear."_s << Stance::Context
                                            << QStringList{u"analysts"_s, u"implications"_s, u"unclear"_s} << 0.95;
    QTest::newRow("no cue") << u"Kazakhstan borders China."_s << Stance::Context << QStringList() << 0.4;
    QTest::newRow("names are no cues") << u"Kazakhstan joined the Shanghai Cooperation Organisation."_s << Stance::Context
                                       << QStringList() << 0.4;
    QTest::newRow("the month May is no hedge") << u"The summit took place in May."_s << Stance::Context << QStringList() << 0.4;
    QTest::newRow("rivalry aimed at a third party") << u"China and Russia share their opposition to the United States."_s
                                                    << Stance::Cooperation << QStringList{u"opposition (third party)"_s} << 0.65;
    QTest::newRow("competing over a place") << u"China and Russia compete in Kazakhstan."_s << Stance::Rivalry
                                            << QStringList{u"compete"_s} << 0.65;
    QTest::newRow("concessive clause set aside") << u"Despite their rivalry, China and Russia signed a memorandum."_s
                                                 << Stance::Cooperation << QStringList{u"signed"_s} << 0.65;
    QTest::newRow("trade war") << u"The trade war between the US and China escalated."_s << Stance::Rivalry
                               << QStringList{u"trade war"_s} << 0.65;
    QTest::newRow("hedges lower confidence") << u"Russia could undermine China."_s << Stance::Rivalry
                                             << QStringList{u"undermine"_s} << 0.58;
    // Structure: harm done to a relationship, negation, and their confidence.
    QTest::newRow("may strain the partnership") << u"Full membership may strain the partnership between China and Russia."_s
                                                << Stance::Rivalry << QStringList{u"strain"_s} << 0.58;
    QTest::newRow("negated cooperation") << u"Moscow and Beijing have not agreed on a price."_s << Stance::Rivalry
                                         << QStringList{u"agreed (negated)"_s} << 0.65;
    QTest::newRow("failing to honour support") << u"Yerevan says Moscow is failing to support it."_s << Stance::Rivalry
                                               << QStringList{u"support (negated)"_s} << 0.65;
    QTest::newRow("negated rivalry is no rivalry") << u"There is no dispute between Norway and Sweden."_s << Stance::Context
                                                   << QStringList{u"dispute (negated)"_s} << 0.65;
    QTest::newRow("not only is no negation") << u"They not only cooperate on gas."_s << Stance::Cooperation
                                             << QStringList{u"cooperate"_s} << 0.65;
    QTest::newRow("condemned") << u"Pyongyang condemned the exercise."_s << Stance::Rivalry << QStringList{u"condemned"_s} << 0.65;
    // Contrastive connectives: the clause after "but" carries the point; the one before still
    // lowers the confidence.
    QTest::newRow("contrast: but") << u"Russia and China cooperate on energy but compete for markets."_s << Stance::Rivalry
                                   << QStringList{u"compete"_s} << 0.58;
    QTest::newRow("contrast: but, cues in balance")
        << u"Japan and South Korea signed a pact, but tensions over the islands remain."_s << Stance::Rivalry
        << QStringList{u"signed"_s, u"pact"_s, u"tensions"_s} << 0.35;
    QTest::newRow("sentence-initial yet is no contrast inside") << u"Yet China and Russia cooperate on energy."_s
                                                                 << Stance::Cooperation << QStringList{u"cooperate"_s} << 0.65;
    // Concessive clauses: the main clause decides.
    QTest::newRow("concessive: although") << u"Although Manila depends on Chinese trade, it has rejected Beijing's claims."_s
                                          << Stance::Rivalry << QStringList{u"rejected"_s, u"claims"_s} << 0.8;
    QTest::newRow("concessive: while") << u"While Moscow and Beijing trade more than ever, they compete in Central Asia."_s
                                       << Stance::Rivalry << QStringList{u"compete"_s} << 0.65;
    // Verbs that end a rivalry or a cooperation.
    QTest::newRow("ended a dispute") << u"Kazakhstan and Uzbekistan ended their border dispute in 2017."_s
                                     << Stance::Cooperation << QStringList{u"dispute (ended)"_s} << 0.65;
    QTest::newRow("ended a cooperation") << u"Georgia ended its cooperation with Russia."_s << Stance::Rivalry
                                         << QStringList{u"cooperation (ended)"_s} << 0.65;
    // Whose interests: a pact seen from a rival's side.
    QTest::newRow("a rival's view of a pact") << u"Canberra saw the pact as a threat."_s << Stance::Rivalry
                                              << QStringList{u"pact"_s, u"threat"_s} << 0.35;
    QTest::newRow("rival in a relative clause") << u"Dhaka welcomed Chinese loans that New Delhi views with suspicion."_s
                                                << Stance::Rivalry << QStringList{u"suspicion"_s} << 0.65;
    QTest::newRow("pact condemned by a rival") << u"Manila signed a defence pact with Tokyo, which Beijing condemned."_s
                                               << Stance::Rivalry << QStringList{u"condemned"_s} << 0.65;
    QTest::newRow("a partner is no rival") << u"Kazakhstan signed a deal with China against terrorism."_s
                                           << Stance::Cooperation << QStringList{u"signed"_s, u"deal"_s} << 0.73;
    QTest::newRow("sanctions against") << u"The European Union imposed sanctions against Russia."_s << Stance::Rivalry
                                       << QStringList{u"sanctions"_s, u"against"_s} << 0.73;
    QTest::newRow("accused") << u"Tokyo accused Beijing of harassment near the islands."_s << Stance::Rivalry
                             << QStringList{u"accused"_s, u"harassment"_s} << 0.8;
    QTest::newRow("rejected") << u"India rejected the proposal."_s << Stance::Rivalry << QStringList{u"rejected"_s} << 0.65;
    // Negation scope and hedges.
    QTest::newRow("never supported") << u"Moscow never supported the plan."_s << Stance::Rivalry
                                     << QStringList{u"supported (negated)"_s} << 0.65;
    QTest::newRow("not deteriorated") << u"Relations between Vietnam and China have not deteriorated."_s << Stance::Context
                                      << QStringList{u"deteriorated (negated)"_s} << 0.65;
    QTest::newRow("modal: may clash") << u"Turkey and Greece may clash over the Aegean."_s << Stance::Rivalry
                                      << QStringList{u"clash"_s} << 0.58;
    QTest::newRow("hedge: reportedly") << u"Russia reportedly agreed to supply arms to Iran."_s << Stance::Cooperation
                                       << QStringList{u"agreed"_s} << 0.58;
}

void TestLinker::stance()
{
    QFETCH(QString, sentence);
    QFETCH(Stance, stance);
    QFETCH(QStringList, cues);
    QFETCH(double, confidence);
    const Claim c = linker().linkSentence(sentence).claim;
    QCOMPARE(stanceKey(c.stance), stanceKey(stance));
    QCOMPARE(c.cues, cues);
    QCOMPARE(c.confidence, confidence);
}

// --- The shipped narrative ------------------------------------------------------------------

void TestLinker::narrativeStructure()
{
    const Brief brief = linker().link(kNarrative, u"china-russia.txt"_s);
    QCOMPARE(brief.narrativeSource, u"china-russia.txt"_s);
    QCOMPARE(brief.paragraphs.size(), 7);
    const QList<int> sentencesPerParagraph = {2, 3, 3, 3, 3, 2, 3};
    QCOMPARE(brief.claims.size(), 19);
    int i = 0;
    for (int p = 0; p < sentencesPerParagraph.size(); ++p) {
        for (int s = 0; s < sentencesPerParagraph[p]; ++s, ++i) {
            const Claim &c = brief.claims[i];
            QCOMPARE(c.id, u"c%1"_s.arg(i + 1));
            QCOMPARE(c.paragraph, p);
            QCOMPARE(c.sentence, s);
            QVERIFY2(brief.paragraphs[p].contains(c.text), qPrintable(c.text));
        }
    }
    QCOMPARE(brief.claims.front().text.left(16), u"In recent years,"_s);
    QVERIFY(brief.claims.back().text.endsWith(u"compete for influence."_s));
}

void TestLinker::markdownNarrative()
{
    const QString markdown = u"# China and Russia\n\n"
                             "- **China\u2019s** ties with *Russia* grew stronger.2\n"
                             "- The U.S. objected. Turkey's view differs.\n"_s;
    const Brief brief = linker().link(markdown, u"notes.md"_s);
    // The opening heading is the title, not a paragraph and not a claim.
    QCOMPARE(brief.title, u"China and Russia"_s);
    QCOMPARE(brief.paragraphs, (QStringList{u"China\u2019s ties with Russia grew stronger.2"_s,
                                            u"The U.S. objected. Turkey's view differs."_s}));
    QCOMPARE(brief.claims.size(), 3);
    QCOMPARE(brief.claims[0].text, u"China\u2019s ties with Russia grew stronger."_s);
    QCOMPARE(brief.claims[0].regions, (QStringList{u"CHN"_s, u"RUS"_s}));
    QCOMPARE(brief.claims[0].stance, Stance::Cooperation);
    QCOMPARE(brief.claims[1].regions, QStringList{u"USA"_s});
    QCOMPARE(brief.claims[2].regions, QStringList{u"TUR"_s});
    QCOMPARE(brief.claims[2].id, u"c3"_s);
    QCOMPARE(brief.claims[2].paragraph, 1);
    QCOMPARE(brief.claims[2].sentence, 1);
}

void TestLinker::markdownSectionsAreNoClaims()
{
    const QString markdown = u"# Brief title\n\nIntro on China.\n\n## Energy\n\nRussia sells gas.\n\n### Outlook ###\n\nIndia buys oil."_s;
    const Brief brief = linker().link(markdown, u"notes.md"_s);
    QCOMPARE(brief.title, u"Brief title"_s);
    QCOMPARE(brief.paragraphs, (QStringList{u"Intro on China."_s, u"Energy"_s, u"Russia sells gas."_s, u"Outlook"_s,
                                            u"India buys oil."_s}));
    QCOMPARE(brief.claims.size(), 3);
    QCOMPARE(brief.claims[1].paragraph, 2);
    QCOMPARE(brief.claims[2].paragraph, 4);
    QCOMPARE(brief.claims[2].regions, QStringList{u"IND"_s});
    // Plain text has no title; a text that opens with prose keeps its later headings as sections.
    QVERIFY(linker().link(u"China and Russia.\n\nMore."_s, u"a.txt"_s).title.isEmpty());
    const Brief late = linker().link(u"Opening words.\n\n# Heading\n\nText."_s, u"b.md"_s);
    QVERIFY(late.title.isEmpty());
    QCOMPARE(late.claims.size(), 2);
}

void TestLinker::relinkKeepsTheUsersEdits()
{
    Brief previous = linker().link(u"China and Russia signed a deal. India objected."_s, u"a.txt"_s);
    previous.title = u"My brief"_s;
    QCOMPARE(previous.claims.size(), 2);
    // The user corrects the second claim and writes a note.
    previous.claims[1].regions = {u"IND"_s, u"CHN"_s};
    previous.claims[1].stance = Stance::Rivalry;
    previous.claims[1].confidence = 1.0;
    previous.claims[1].note = u"checked"_s;
    // The narrative gains a sentence before it and a paragraph after.
    const Brief fresh = linker().link(u"China and Russia signed a deal. Japan watched. India objected.\n\nKazakhstan waited."_s, u"a.txt"_s);
    const Brief merged = Linker::relink(previous, fresh);
    QCOMPARE(merged.title, u"My brief"_s);
    QCOMPARE(merged.paragraphs, fresh.paragraphs);
    QCOMPARE(merged.claims.size(), 4);
    const Claim &edited = merged.claims[2];
    QCOMPARE(edited.id, u"c2"_s);
    QCOMPARE(edited.text, u"India objected."_s);
    QCOMPARE(edited.sentence, 2);
    QCOMPARE(edited.regions, (QStringList{u"IND"_s, u"CHN"_s}));
    QCOMPARE(edited.stance, Stance::Rivalry);
    QCOMPARE(edited.note, u"checked"_s);
    // New sentences are linked afresh, with ids after the highest in use.
    QCOMPARE(merged.claims[1].id, u"c3"_s);
    QCOMPARE(merged.claims[1].regions, QStringList{u"JPN"_s});
    QCOMPARE(merged.claims[3].id, u"c4"_s);
    QCOMPARE(merged.claims[3].paragraph, 1);
    QCOMPARE(merged.claims[0].id, u"c1"_s);
}

void TestLinker::narrativeLinks_data()
{
    QTest::addColumn<QString>("part");
    QTest::addColumn<QStringList>("regions");
    QTest::addColumn<QStringList>("groups");
    QTest::addColumn<QStringList>("features");
    QTest::addColumn<QStringList>("topics");
    const QStringList none;
    QTest::newRow("Central Asia") << u"presence in Central Asia"_s
                                  << QStringList{u"CHN"_s, u"KAZ"_s, u"KGZ"_s, u"TJK"_s, u"TKM"_s, u"UZB"_s, u"RUS"_s}
                                  << QStringList{u"central-asia"_s} << none << none;
    QTest::newRow("South China Sea") << u"South China Sea"_s << QStringList{u"CHN"_s, u"RUS"_s} << none << kSouthChinaSea << none;
    QTest::newRow("SCO and BRI") << u"Shanghai Cooperation Organization"_s << none << none << QStringList{u"sco"_s}
                                 << QStringList{u"belt-and-road"_s};
    QTest::newRow("opposition to the US") << u"shared opposition"_s << QStringList{u"CHN"_s, u"RUS"_s, u"USA"_s}
                                          << none << none << none;
    QTest::newRow("US-led, American") << u"US-led world order"_s << QStringList{u"USA"_s} << none << none << none;
    // A setting: the group is linked, its members are not (Japan is not part of the claim).
    QTest::newRow("Asia-Pacific") << u"Asia-Pacific region"_s << QStringList{u"CHN"_s, u"RUS"_s}
                                  << QStringList{u"asia-pacific"_s} << none << none;
}

void TestLinker::narrativeLinks()
{
    QFETCH(QString, part);
    QFETCH(QStringList, regions);
    QFETCH(QStringList, groups);
    QFETCH(QStringList, features);
    QFETCH(QStringList, topics);
    const Claim *c = claimWith(part);
    QVERIFY(c);
    QVERIFY2(containsAll(c->regions, regions), qPrintable(describe(*c)));
    QCOMPARE(c->groups, groups);
    QCOMPARE(c->features, features);
    QCOMPARE(c->topics, topics);
}

void TestLinker::narrativeFindsTheMajorPowers()
{
    QStringList all;
    for (const LinkedSentence &s : narrative())
        all += s.claim.regions;
    QVERIFY(containsAll(all, {u"CHN"_s, u"RUS"_s, u"USA"_s}));
}

void TestLinker::narrativeLinksOnlyWhatASentenceNames()
{
    for (const LinkedSentence &s : narrative()) {
        const Claim &c = s.claim;
        const QString text = plain(c.text);
        for (const QString &code : c.regions) {
            const QStringList forms = gazetteer().surfaceForms({LinkTarget::Kind::Region, code});
            const bool named = std::any_of(forms.begin(), forms.end(), [&text](const QString &f) { return text.contains(f); });
            const bool viaGroup = std::any_of(c.groups.begin(), c.groups.end(), [&code](const QString &g) {
                return gazetteer().groupMembers(g).contains(code);
            });
            const bool viaFeature = std::any_of(c.features.begin(), c.features.end(), [&code](const QString &f) {
                return gazetteer().claimants(f).contains(code) || gazetteer().foundingMembers(f).contains(code);
            });
            // The narrative's principal actors carried into a sentence that names no region
            // ("This has led to…") must have been named before.
            const bool namedBefore = std::any_of(narrative().begin(), narrative().end(), [&](const LinkedSentence &o) {
                return o.claim.paragraph * 100 + o.claim.sentence < c.paragraph * 100 + c.sentence
                    && std::any_of(o.mentions.begin(), o.mentions.end(), [&code](const Mention &m) { return m.target.id == code; });
            });
            QVERIFY2(named || viaGroup || viaFeature || namedBefore, qPrintable(code + u": "_s + describe(c)));
        }
        for (const Mention &m : s.mentions)
            QCOMPARE(c.text.mid(m.offset, m.length), m.text);
    }
}

void TestLinker::narrativeStances_data()
{
    QTest::addColumn<int>("paragraph");
    QTest::addColumn<Stance>("stance");
    QTest::newRow("2: opposition to the US, joint ventures") << 1 << Stance::Cooperation;
    QTest::newRow("3: energy") << 2 << Stance::Cooperation;
    QTest::newRow("4: territorial disputes") << 3 << Stance::Rivalry;
    QTest::newRow("5: regional influence") << 4 << Stance::Rivalry;
    QTest::newRow("6: likely to remain strong") << 5 << Stance::Cooperation;
    QTest::newRow("7: implications") << 6 << Stance::Context;
}

void TestLinker::narrativeStances()
{
    QFETCH(int, paragraph);
    QFETCH(Stance, stance);
    int seen = 0;
    for (const LinkedSentence &s : narrative()) {
        if (s.claim.paragraph != paragraph)
            continue;
        ++seen;
        QVERIFY2(s.claim.stance == stance, qPrintable(describe(s.claim)));
        QVERIFY2(!s.claim.cues.isEmpty(), qPrintable(describe(s.claim)));
    }
    QVERIFY(seen >= 2);
}

void TestLinker::confidenceIsAProbability()
{
    for (const LinkedSentence &s : narrative()) {
        QVERIFY2(s.claim.confidence >= 0.0 && s.claim.confidence <= 1.0, qPrintable(describe(s.claim)));
        // Only a claim without cues gets the no-cue confidence.
        QVERIFY2(s.claim.cues.isEmpty() == (s.claim.confidence == 0.4), qPrintable(describe(s.claim)));
    }
}

void TestLinker::cueLexiconIsWellFormed()
{
    const QList<StanceCue> &cues = StanceLexicon::cues();
    QVERIFY(cues.size() > 50);
    QSet<QString> seen;
    for (qsizetype i = 0; i < cues.size(); ++i) {
        const StanceCue &c = cues[i];
        QVERIFY2(!seen.contains(c.phrase), qPrintable(c.phrase));
        seen.insert(c.phrase);
        QCOMPARE(c.phrase, c.phrase.toLower());
        QVERIFY(c.weight > 0);
        if (i > 0)
            QVERIFY(cues[i - 1].phrase.size() >= c.phrase.size());
    }
}

QTEST_GUILESS_MAIN(TestLinker)
#include "tst_linker.moc"
