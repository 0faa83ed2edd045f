// Splitting text, finding gazetteer mentions, and the links of one sentence.

#include "tst_linker.h"

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

QTEST_GUILESS_MAIN(TestLinker)
