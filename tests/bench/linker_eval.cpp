// Measures the linker against the annotated corpus (tests/data/linker-corpus, format in its
// README.md) and against the shipped brief. Prints figures; asserts nothing.
//
//   linker_eval [--corpus DIR] [--errors] [--brief FILE]
//   linker_eval --sentence TEXT      (what the linker makes of one sentence)
//
// --errors lists what the linker got wrong in the development narratives (never the held-out
// ones: they are not for tuning).

#include "atlas.h"
#include "briefio.h"
#include "gazetteer.h"
#include "geojsonreader.h"
#include "linker.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QMap>
#include <QSet>
#include <QTextStream>

#include <cstdio>

using namespace spheres;
using namespace Qt::StringLiterals;

namespace {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

struct AnnotatedParagraph
{
    QSet<QString> regions, groups, features;
    QStringList sentences;
    QList<Stance> stances;
};

struct Narrative
{
    QString file, title, style;
    bool heldOut = false;
    int round = 1; ///< held-out narratives are written in rounds, each unseen when it was first scored
    QList<AnnotatedParagraph> paragraphs;
    QString text() const
    {
        QStringList ps;
        for (const AnnotatedParagraph &p : paragraphs)
            ps << p.sentences.join(u' ');
        return ps.join(u"\n\n"_s);
    }
};

QSet<QString> words(const QString &line)
{
    const QStringList list = line.split(u' ', Qt::SkipEmptyParts);
    return {list.begin(), list.end()};
}

bool readNarrative(const QString &path, Narrative &n, QString &error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        error = path + u": "_s + f.errorString();
        return false;
    }
    n.file = QFileInfo(path).fileName();
    AnnotatedParagraph current;
    bool open = false;
    auto flush = [&] {
        if (open)
            n.paragraphs << current;
        current = {};
        open = false;
    };
    int lineNo = 0;
    for (const QString &raw : QString::fromUtf8(f.readAll()).split(u'\n')) {
        ++lineNo;
        const QString line = raw.trimmed();
        if (line.isEmpty()) {
            flush();
        } else if (line.startsWith(u'#')) {
            const QString key = line.mid(1).section(u':', 0, 0).trimmed();
            const QString value = line.section(u':', 1).trimmed();
            if (key == u"title")
                n.title = value;
            else if (key == u"style")
                n.style = value;
            else if (key == u"split")
                n.heldOut = value == u"held-out";
            else if (key == u"round")
                n.round = value.toInt();
        } else if (line.startsWith(u'@')) {
            open = true;
            const QString key = line.section(u' ', 0, 0);
            const QSet<QString> values = words(line.section(u' ', 1));
            if (key == u"@regions")
                current.regions = values;
            else if (key == u"@groups")
                current.groups = values;
            else if (key == u"@features")
                current.features = values;
            else {
                error = u"%1:%2: unknown key %3"_s.arg(path).arg(lineNo).arg(key);
                return false;
            }
        } else {
            open = true;
            const std::optional<Stance> stance = stanceFromKey(line.section(u'|', 0, 0).trimmed());
            if (!stance || !line.contains(u'|')) {
                error = u"%1:%2: expected \"stance | sentence\""_s.arg(path).arg(lineNo);
                return false;
            }
            current.stances << *stance;
            current.sentences << line.section(u'|', 1).trimmed();
        }
    }
    flush();
    return true;
}

struct Counts
{
    int tp = 0, fp = 0, fn = 0;
    void add(const QSet<QString> &expected, const QSet<QString> &got)
    {
        const int hit = int((QSet<QString>(expected) &= got).size());
        tp += hit;
        fp += int(got.size()) - hit;
        fn += int(expected.size()) - hit;
    }
    Counts &operator+=(const Counts &o)
    {
        tp += o.tp;
        fp += o.fp;
        fn += o.fn;
        return *this;
    }
    double precision() const { return tp + fp == 0 ? 1.0 : double(tp) / (tp + fp); }
    double recall() const { return tp + fn == 0 ? 1.0 : double(tp) / (tp + fn); }
    double f1() const
    {
        const double p = precision(), r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
};

struct Score
{
    Counts regions, groups, features;
    int stanceRight = 0, stanceTotal = 0;
};

QString diff(const QString &what, const QSet<QString> &expected, const QSet<QString> &got)
{
    QStringList missed = QStringList(QSet<QString>(expected).subtract(got).values());
    QStringList extra = QStringList(QSet<QString>(got).subtract(expected).values());
    missed.sort();
    extra.sort();
    if (missed.isEmpty() && extra.isEmpty())
        return {};
    return u"    %1: missed [%2] extra [%3]\n"_s.arg(what, missed.join(u' '), extra.join(u' '));
}

Score evaluate(const Linker &linker, const Narrative &n, bool showErrors)
{
    Score s;
    const QList<LinkedSentence> linked = linker.linkSentences(n.text());
    for (int p = 0; p < n.paragraphs.size(); ++p) {
        const AnnotatedParagraph &want = n.paragraphs.at(p);
        QSet<QString> regions, groups, features;
        QList<const Claim *> claims;
        for (const LinkedSentence &ls : linked) {
            if (ls.claim.paragraph != p)
                continue;
            claims << &ls.claim;
            for (const QString &r : ls.claim.regions)
                regions.insert(r);
            for (const QString &g : ls.claim.groups)
                groups.insert(g);
            for (const QString &f : ls.claim.features)
                features.insert(f);
        }
        s.regions.add(want.regions, regions);
        s.groups.add(want.groups, groups);
        s.features.add(want.features, features);
        QString errors = diff(u"regions"_s, want.regions, regions) + diff(u"groups"_s, want.groups, groups)
            + diff(u"features"_s, want.features, features);
        for (int i = 0; i < want.sentences.size(); ++i) {
            ++s.stanceTotal;
            const Claim *c = i < claims.size() ? claims.at(i) : nullptr;
            if (c && c->stance == want.stances.at(i) && claims.size() == want.sentences.size())
                ++s.stanceRight;
            else
                errors += u"    stance: want %1, got %2 (%3; cues %4): %5\n"_s.arg(
                    stanceKey(want.stances.at(i)), c ? stanceKey(c->stance) : u"no sentence"_s,
                    c ? QString::number(c->confidence) : QString(), c ? c->cues.join(u',') : QString(),
                    want.sentences.at(i));
        }
        if (showErrors && !errors.isEmpty())
            out() << u"  %1 paragraph %2\n"_s.arg(n.file).arg(p + 1) << errors;
    }
    return s;
}

QString fixed(double v) { return QString::number(v, 'f', 2); }

struct Summary
{
    double p = 0, r = 0, f = 0;
    Counts regionsMicro, groups, features;
    int stanceRight = 0, stanceTotal = 0, narratives = 0;
    void add(const Score &s)
    {
        p += s.regions.precision();
        r += s.regions.recall();
        f += s.regions.f1();
        regionsMicro += s.regions;
        groups += s.groups;
        features += s.features;
        stanceRight += s.stanceRight;
        stanceTotal += s.stanceTotal;
        ++narratives;
    }
    void print(const QString &label) const
    {
        if (narratives == 0)
            return;
        out() << u"%1 (%2 narratives): regions macro P %3 R %4 F1 %5 (micro P %6 R %7); groups P %8 R %9; "
                 "feature recall %10 (%11/%12); stance accuracy %13 (%14/%15)\n"_s
                     .arg(label)
                     .arg(narratives)
                     .arg(fixed(p / narratives), fixed(r / narratives), fixed(f / narratives),
                          fixed(regionsMicro.precision()), fixed(regionsMicro.recall()), fixed(groups.precision()),
                          fixed(groups.recall()), fixed(features.recall()))
                     .arg(features.tp)
                     .arg(features.tp + features.fn)
                     .arg(fixed(stanceTotal ? double(stanceRight) / stanceTotal : 1.0))
                     .arg(stanceRight)
                     .arg(stanceTotal);
    }
};

// The shipped brief's claims are the answer for the narrative they were made from: its
// paragraphs, linked afresh, claim by claim.
void evaluateBrief(const Linker &linker, const BriefReader::Result &read, const QString &name, bool showErrors)
{
    if (!read.ok()) {
        out() << read.error << u'\n';
        return;
    }
    const Brief &brief = read.brief;
    const QList<LinkedSentence> linked = linker.linkSentences(brief.paragraphs.join(u"\n\n"_s));
    Counts regions, features;
    int stanceRight = 0;
    for (const Claim &want : brief.claims) {
        const auto got = std::find_if(linked.begin(), linked.end(), [&want](const LinkedSentence &s) {
            return s.claim.paragraph == want.paragraph && s.claim.sentence == want.sentence;
        });
        const QSet<QString> gotRegions = got == linked.end() ? QSet<QString>{}
                                                             : QSet<QString>(got->claim.regions.begin(), got->claim.regions.end());
        const QSet<QString> gotFeatures = got == linked.end() ? QSet<QString>{}
                                                              : QSet<QString>(got->claim.features.begin(), got->claim.features.end());
        const QSet<QString> wantRegions(want.regions.begin(), want.regions.end());
        const QSet<QString> wantFeatures(want.features.begin(), want.features.end());
        regions.add(wantRegions, gotRegions);
        features.add(wantFeatures, gotFeatures);
        stanceRight += got != linked.end() && got->claim.stance == want.stance;
        if (showErrors) {
            QString errors = diff(u"regions"_s, wantRegions, gotRegions) + diff(u"features"_s, wantFeatures, gotFeatures);
            if (got != linked.end() && got->claim.stance != want.stance)
                errors += u"    stance: want %1, got %2 (%3; cues %4): %5\n"_s.arg(
                    stanceKey(want.stance), stanceKey(got->claim.stance), QString::number(got->claim.confidence),
                    got->claim.cues.join(u','), want.text);
            if (!errors.isEmpty())
                out() << u"  %1 %2\n"_s.arg(name, want.id) << errors;
        }
    }
    out() << u"%1 (%2 claims): regions P %3 R %4 F1 %5; feature P %6 R %7; stance accuracy %8\n"_s
                 .arg(name)
                 .arg(brief.claims.size())
                 .arg(fixed(regions.precision()), fixed(regions.recall()), fixed(regions.f1()),
                      fixed(features.precision()), fixed(features.recall()),
                      fixed(brief.claims.isEmpty() ? 1.0 : double(stanceRight) / brief.claims.size()));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    QString corpus = QStringLiteral(SPHERES_LINKER_CORPUS);
    QString briefPath;
    const bool showErrors = args.contains(u"--errors"_s);
    for (qsizetype i = 1; i + 1 < args.size(); ++i) {
        if (args.at(i) == u"--corpus")
            corpus = args.at(i + 1);
        else if (args.at(i) == u"--brief")
            briefPath = args.at(i + 1);
    }

    const Atlas::Result atlas = Atlas::loadBuiltIn(Atlas::Detail::Coarse);
    if (!atlas.ok()) {
        out() << atlas.error << u'\n';
        return 1;
    }
    QStringList layerErrors;
    const auto layers = GeoJsonReader::readAllBuiltIn(layerErrors);
    const Linker linker{Gazetteer(atlas.atlas, layers)};
    if (const qsizetype at = args.indexOf(u"--sentence"_s); at >= 0 && at + 1 < args.size()) {
        const LinkedSentence s = linker.linkSentence(args.at(at + 1));
        for (const Mention &m : s.mentions)
            out() << u"  \"%1\" -> %2\n"_s.arg(m.text, m.target.id);
        const Claim &c = s.claim;
        out() << u"%1 (confidence %2, cues %3) regions [%4] groups [%5] features [%6] topics [%7]\n"_s.arg(
            stanceKey(c.stance), QString::number(c.confidence), c.cues.join(u','), c.regions.join(u' '),
            c.groups.join(u' '), c.features.join(u' '), c.topics.join(u' '));
        return 0;
    }

    const QStringList files = QDir(corpus).entryList({u"*.txt"_s}, QDir::Files, QDir::Name);
    if (files.size() < 12) {
        out() << corpus << u": expected at least 12 narratives, found "_s << files.size() << u'\n';
        return 1;
    }
    Summary dev, heldOut;
    QMap<int, Summary> heldOutByRound;
    out() << u"narrative                         split     regions P    R    F1  | groups P  R  | feat R | stance\n"_s;
    QList<Narrative> narratives;
    for (const QString &file : files) {
        Narrative n;
        QString error;
        if (!readNarrative(QDir(corpus).filePath(file), n, error)) {
            out() << error << u'\n';
            return 1;
        }
        narratives << n;
    }
    for (const Narrative &n : narratives) {
        const Score s = evaluate(linker, n, showErrors && !n.heldOut);
        (n.heldOut ? heldOut : dev).add(s);
        if (n.heldOut)
            heldOutByRound[n.round].add(s);
        out() << u"%1 %2 %3 %4 %5 | %6 %7 | %8 | %9\n"_s.arg(n.file.left(33), -33)
                     .arg(n.heldOut ? u"held-out"_s : u"dev"_s, -9)
                     .arg(fixed(s.regions.precision()), 10)
                     .arg(fixed(s.regions.recall()), 4)
                     .arg(fixed(s.regions.f1()), 4)
                     .arg(fixed(s.groups.precision()), 8)
                     .arg(fixed(s.groups.recall()), 4)
                     .arg(fixed(s.features.recall()), 6)
                     .arg(fixed(s.stanceTotal ? double(s.stanceRight) / s.stanceTotal : 1.0));
    }
    dev.print(u"development"_s);
    heldOut.print(u"held-out"_s);
    if (heldOutByRound.size() > 1)
        for (auto it = heldOutByRound.cbegin(); it != heldOutByRound.cend(); ++it)
            it.value().print(u"held-out round %1"_s.arg(it.key()));
    evaluateBrief(linker, briefPath.isEmpty() ? BriefReader::readBuiltIn() : BriefReader::readFile(briefPath),
                  briefPath.isEmpty() ? u"shipped brief"_s : briefPath, showErrors);
    out().flush();
    return 0;
}
