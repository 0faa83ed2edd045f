// spheres_bench's figures of whole processes on many claims and against a minimal Qt program.
#include "benchtools.h"

#include "atlas.h"
#include "brief.h"
#include "document/briefdocument.h"
#include "briefio.h"
#include "claimindex.h"
#include "panels/contextpanel.h"
#include "mainwindow.h"
#include "map/mapcanvas.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <memory>

using namespace spheres;
using namespace Qt::StringLiterals;

namespace bench {

namespace {

/// A brief of `count` claims, ten to a paragraph, each linking one to three of the atlas's
/// regions, some a group and some a feature, as a linked narrative of that length would.
Brief briefOfClaims(int count, const Atlas &atlas)
{
    QRandomGenerator random(16);
    QStringList codes;
    for (const Region &r : atlas.regions())
        codes << r.code;
    const QStringList groups{u"central-asia"_s, u"south-caucasus"_s, u"east-asia"_s};
    const QStringList features{u"pipelines/power-of-siberia"_s, u"pipelines"_s, u"sco"_s};
    Brief brief;
    brief.title = u"Five thousand claims"_s;
    for (int i = 0; i < count; ++i) {
        if (i % 10 == 0)
            brief.paragraphs << QString();
        const QString sentence = u"Claim %1 says something about the region."_s.arg(i + 1);
        brief.paragraphs.back() += (i % 10 ? u" "_s : QString()) + sentence;
        Claim c;
        c.id = u"c%1"_s.arg(i + 1);
        c.paragraph = int(brief.paragraphs.size()) - 1;
        c.sentence = i % 10;
        c.text = sentence;
        c.stance = Stance(random.bounded(3));
        for (int n = 1 + int(random.bounded(3)); n > 0; --n)
            c.regions << codes[int(random.bounded(int(codes.size())))];
        if (random.bounded(10) == 0)
            c.groups << groups[int(random.bounded(int(groups.size())))];
        if (random.bounded(10) == 0)
            c.features << features[int(random.bounded(int(features.size())))];
        brief.claims << c;
    }
    return brief;
}

} // namespace

/// Issue 16's many claims: `spheres validate` of a brief of 5,000 claims as a whole process, and
/// in the window a click on a region to a filled context panel (what the canvas calls on a click,
/// then the panels' repaint), with the index rebuilt once per edit.
void claimsAtScale(bool quick, int runs)
{
    const int count = 5000;
    const auto atlas = std::make_shared<const Atlas>(Atlas::loadBuiltIn(Atlas::Detail::Coarse).atlas);
    const Brief brief = briefOfClaims(count, *atlas);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"claims.spheres.json"_s);
    if (const QString error = BriefWriter::save(brief, path); !error.isEmpty()) {
        QTextStream(stderr) << error << Qt::endl;
        return;
    }
    report(u"`spheres validate`, %1 claims, whole process"_s.arg(count),
           processMs(quick ? 1 : std::min(runs, 7), {u"validate"_s, path}), u"≤ 1000 ms"_s);
    report(u"claim index rebuilt after an edit, %1 claims"_s.arg(count),
           medianMs(runs, [&brief] { const ClaimIndex index(brief); }), u"(once per edit)"_s);

    MainWindow window;
    if (!window.loadBaseMap() || !window.document()->open(path).isEmpty())
        return;
    window.resize(1600, 1000);
    window.show();
    // A reader looks at the window before the first click: half a second of idle event loop lets
    // Qt finish what it lays out lazily (the narrative's paragraphs beyond the first screen).
    QEventLoop idle;
    QTimer::singleShot(500, &idle, &QEventLoop::quit);
    idle.exec();
    const QStringList clicks{u"KAZ"_s, u"CHN"_s, u"RUS"_s, u"MNG"_s, u"UZB"_s, u"IND"_s, u"TKM"_s};
    int at = 0;
    bool filled = true;
    const double ms = medianMs(quick ? 7 : std::max(runs, 21), [&] {
        const QString code = clicks[at++ % clicks.size()];
        window.canvas()->selectRegion(code); // what a click on the region calls
        window.contextPanel()->repaint();    // and the panel drawn, filled (the map's frame with it)
        filled = filled && window.contextPanel()->shownRegion() == code;
    });
    report(u"click on a region to a filled context panel, %1 claims"_s.arg(count), ms,
           filled ? u"≤ 16 ms"_s : u"≤ 16 ms; NOT FILLED"_s);
}

/// Issue 16's export speed: `spheres export` of the default map at 1080p against the minimal Qt
/// program (minimal_export.cpp: parse, paint, PNG of the same base map), alternated run by run
/// so that whatever else the machine does weighs on both alike.
void exportAgainstMinimal(bool quick, const QString &dir)
{
    std::vector<double> ours, floor;
    for (int i = 0; i < (quick ? 1 : 9); ++i) {
        ours.push_back(oneProcessMs(QStringLiteral(SPHERES_BINARY), {QStringLiteral("export"), QStringLiteral("--out"), dir + QStringLiteral("/ours.png")}));
        floor.push_back(oneProcessMs(QStringLiteral(SPHERES_MINIMAL_EXPORT), {QStringLiteral(SPHERES_BASE_MAP), dir + QStringLiteral("/floor.png")}));
    }
    report(QStringLiteral("`spheres export --out map.png` (1920×1080), whole process"), median(ours), QStringLiteral("≤ the minimal program"));
    report(QStringLiteral("minimal Qt program: parse, paint, PNG, whole process"), median(floor), QStringLiteral("(reference)"));
    QTextStream(stdout) << QStringLiteral("%1 %2  (target ≤ 1.00)").arg(QStringLiteral("ratio, spheres export / minimal program"), -58)
                               .arg(median(ours) / median(floor), 11, 'f', 2)
                        << Qt::endl;
}

} // namespace bench
