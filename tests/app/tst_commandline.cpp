// The conventions of `spheres` on the command line: help and version without a display, usage
// errors on stderr with exit 2 that never open the window, one clear line when there is no
// display, one exit-code convention for every command, progress lines fit for a log, and a man
// page that lists every option --help lists.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestCommandLine : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void conventions_data();
    void conventions();
    void noDisplay_data();
    void noDisplay();
    void progressIsOneLinePerStepInALog();
    void manPageListsEveryOptionOfEveryHelp_data();
    void manPageListsEveryOptionOfEveryHelp();

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    /// Runs the binary; `environment` entries "NAME=" remove NAME, "NAME=value" set it.
    static Run run(const QStringList &args, const QStringList &environment = {})
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        for (const QString &entry : environment) {
            const QString name = entry.section(u'=', 0, 0), value = entry.section(u'=', 1);
            value.isEmpty() ? env.remove(name) : env.insert(name, value);
        }
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(SPHERES_BINARY), args);
        // A window would stay open: a usage error that opened it shows up as a timeout here.
        if (!p.waitForFinished(30000)) {
            p.kill();
            p.waitForFinished();
            return {-1, {}, u"timeout: the process did not exit (did it open the window?)"_s};
        }
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2, QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }
    QTemporaryDir m_dir;
    QString m_brief;
    QString m_malformed;
};

void TestCommandLine::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_brief = QStringLiteral(SPHERES_SAMPLE_BRIEF);
    m_malformed = m_dir.filePath(u"broken.spheres.json"_s);
    QFile f(m_malformed);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"schemaVersion\": 1, \"claims\": [");
}

void TestCommandLine::conventions_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("stdoutHas"); // empty: stdout must be empty
    QTest::addColumn<QString>("stderrHas"); // empty: stderr must be empty
    const QString out = m_dir.filePath(u"never.png"_s);

    QTest::newRow("--help") << QStringList{u"--help"_s} << 0 << u"Usage: spheres [options] [brief]"_s << QString();
    QTest::newRow("-h lists commands") << QStringList{u"-h"_s} << 0 << u"  validate  "_s << QString();
    QTest::newRow("--version") << QStringList{u"--version"_s} << 0 << u"spheres 0.1.0\n"_s << QString();
    QTest::newRow("-v") << QStringList{u"-v"_s} << 0 << u"spheres 0.1.0\n"_s << QString();
    for (const QString &command : {u"export"_s, u"link"_s, u"validate"_s}) {
        QTest::addRow("%s --help", qPrintable(command))
            << QStringList{command, u"--help"_s} << 0 << u"Usage: spheres %1 [options]"_s.arg(command) << QString();
        QTest::addRow("%s --help-all", qPrintable(command))
            << QStringList{command, u"--help-all"_s} << 2 << QString() << u"Unknown option 'help-all'"_s;
        QTest::addRow("%s --frobnicate", qPrintable(command))
            << QStringList{command, u"--frobnicate"_s} << 2 << QString() << u"Try 'spheres %1 --help'."_s.arg(command);
    }
    QTest::newRow("window --help-all") << QStringList{u"--help-all"_s} << 2 << QString() << u"Unknown option 'help-all'"_s;
    QTest::newRow("unknown option") << QStringList{u"--frobnicate"_s} << 2 << QString() << u"Try 'spheres --help'."_s;
    QTest::newRow("mistyped command") << QStringList{u"exprot"_s, u"--out"_s, out} << 2 << QString()
                                      << u"'exprot' is not a command; did you mean 'export'?"_s;
    QTest::newRow("unknown word") << QStringList{u"frobnicate"_s} << 2 << QString() << u"neither a command nor a brief"_s;
    QTest::newRow("two briefs") << QStringList{m_brief, m_brief} << 2 << QString() << u"one brief at a time"_s;
    QTest::newRow("missing brief") << QStringList{u"missing.spheres.json"_s} << 1 << QString()
                                   << u"missing.spheres.json: no such file"_s;
    // One convention for every command: 1 the input is invalid, 2 the command line is wrong.
    QTest::newRow("validate: malformed") << QStringList{u"validate"_s, m_malformed} << 1 << QString() << u"not valid JSON"_s;
    QTest::newRow("export: malformed") << QStringList{u"export"_s, m_malformed, u"--view"_s, u"x"_s, u"--out"_s, out}
                                       << 1 << QString() << u"not valid JSON"_s;
    QTest::newRow("export: no such view") << QStringList{u"export"_s, m_brief, u"--view"_s, u"Nowhere"_s, u"--out"_s, out}
                                          << 1 << QString() << u"is not a view of"_s;
    QTest::newRow("link: missing file") << QStringList{u"link"_s, u"/nonexistent.txt"_s, u"--json"_s} << 1 << QString()
                                        << u"/nonexistent.txt: no such file"_s;
    QTest::newRow("export: bad option") << QStringList{u"export"_s, u"--out"_s, out, u"--dpi"_s, u"2"_s} << 2 << QString()
                                        << u"--dpi"_s;
    QTest::newRow("link: usage") << QStringList{u"link"_s} << 2 << QString() << u"no narrative file given"_s;
    QTest::newRow("validate: usage") << QStringList{u"validate"_s} << 2 << QString() << u"no brief given"_s;
}

void TestCommandLine::conventions()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, stdoutHas);
    QFETCH(QString, stderrHas);
    // No display at all: none of these may need one.
    const Run r = run(args, {u"QT_QPA_PLATFORM="_s, u"DISPLAY="_s, u"WAYLAND_DISPLAY="_s, u"XDG_RUNTIME_DIR="_s});
    QVERIFY2(r.exitCode == exitCode, qPrintable(u"exit %1, stderr: %2"_s.arg(r.exitCode).arg(r.err)));
    if (stdoutHas.isEmpty())
        QVERIFY2(r.out.isEmpty(), qPrintable(r.out));
    else
        QVERIFY2(r.out.contains(stdoutHas), qPrintable(r.out));
    if (stderrHas.isEmpty())
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    else
        QVERIFY2(r.err.contains(stderrHas), qPrintable(r.err));
    QVERIFY2(!r.out.contains(u"--help-all"_s), "a help lists --help-all, which only Qt's own help option knows");
    QVERIFY2(!r.err.contains(u"XDG_RUNTIME_DIR"_s), qPrintable(r.err));
    QVERIFY(!QFile::exists(m_dir.filePath(u"never.png"_s)));
}

void TestCommandLine::noDisplay_data()
{
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<QString>("reason");
    QTest::newRow("no DISPLAY") << QStringList{u"QT_QPA_PLATFORM="_s, u"DISPLAY="_s, u"WAYLAND_DISPLAY="_s}
                                << u"there is no display"_s;
    // A display that is named but not there: Qt's own abort is turned into the same one line.
    QTest::newRow("DISPLAY not there") << QStringList{u"QT_QPA_PLATFORM="_s, u"DISPLAY=:97"_s, u"WAYLAND_DISPLAY="_s}
                                       << u"cannot open the window"_s;
}

void TestCommandLine::noDisplay()
{
    QFETCH(QStringList, environment);
    QFETCH(QString, reason);
    const Run r = run({}, environment);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(reason), qPrintable(r.err));
    QVERIFY2(r.err.trimmed().count(u'\n') == 0, qPrintable(u"more than one line: "_s + r.err));
    QVERIFY2(!r.err.contains(u"Reinstalling"_s), qPrintable(r.err));
}

void TestCommandLine::progressIsOneLinePerStepInALog()
{
    const QString out = m_dir.filePath(u"view.png"_s);
    const Run r = run({u"export"_s, m_brief, u"--all-views"_s, u"--size"_s, u"320x180"_s, u"--out"_s, out});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(!r.err.contains(u'\r'), qPrintable(r.err)); // stderr is a pipe here, not a terminal
    const QStringList lines = r.err.split(u'\n', Qt::SkipEmptyParts);
    QVERIFY2(lines.size() >= 2, qPrintable(r.err));
    const QRegularExpression step(u"^\\d+ / (\\d+) views$"_s);
    for (const QString &line : lines)
        QVERIFY2(step.match(line).hasMatch(), qPrintable(line));
    QCOMPARE(lines.size(), step.match(lines.last()).captured(1).toInt());
}

void TestCommandLine::manPageListsEveryOptionOfEveryHelp_data()
{
    QTest::addColumn<QStringList>("helpArgs");
    QTest::newRow("window") << QStringList{u"--help"_s};
    QTest::newRow("export") << QStringList{u"export"_s, u"--help"_s};
    QTest::newRow("link") << QStringList{u"link"_s, u"--help"_s};
    QTest::newRow("validate") << QStringList{u"validate"_s, u"--help"_s};
}

void TestCommandLine::manPageListsEveryOptionOfEveryHelp()
{
    QFETCH(QStringList, helpArgs);
    const Run man = run({u"--manpage"_s});
    QCOMPARE(man.exitCode, 0);
    QVERIFY(man.out.startsWith(u".TH SPHERES 1 "_s));
    for (const char *section : {".SH SYNOPSIS", ".SH OPTIONS", ".SH COMMANDS", ".SH \"EXIT STATUS\"", ".SH FILES", ".SH EXAMPLES"})
        QVERIFY2(man.out.contains(QLatin1String(section)), section);
    const Run help = run(helpArgs);
    QCOMPARE(help.exitCode, 0);
    static const QRegularExpression longOption(u"^\\s+(?:-\\w, )?--([\\w-]+)"_s, QRegularExpression::MultilineOption);
    int options = 0;
    for (auto it = longOption.globalMatch(help.out); it.hasNext(); ++options) {
        const QString name = it.next().captured(1);
        QVERIFY2(man.out.contains(u"\\fB\\-\\-%1\\fR"_s.arg(QString(name).replace(u'-', u"\\-"_s))), qPrintable(name));
    }
    QVERIFY2(options >= 2, qPrintable(help.out));
    if (helpArgs.size() > 1)
        QVERIFY(man.out.contains(u".SS \"spheres %1\""_s.arg(helpArgs.first())));
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
