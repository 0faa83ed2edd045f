// Stance, and linking the shipped narrative end to end.

#include "tst_linker.h"

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
