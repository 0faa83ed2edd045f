// Golden files for the brief writer: each brief below is read, written, and compared byte for
// byte with the JSON stored next to it in tests/data/briefs, so that any change of the written
// order or layout fails here. After an intended change of the format, look at the new output,
// then regenerate the expected files (README.md there):
//
//     SPHERES_UPDATE_GOLDEN_FILES=1 QT_QPA_PLATFORM=offscreen ./build/tests/tst_briefwriter

#include "briefio.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTest>

using namespace spheres;
using namespace Qt::StringLiterals;

namespace {

const QString kDataDir = QStringLiteral(SPHERES_BRIEF_DATA_DIR);

QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// "line 12: expected … / written …", for a failure message that shows where the two differ.
QString firstDifference(const QByteArray &expected, const QByteArray &written)
{
    const QList<QByteArray> a = expected.split('\n'), b = written.split('\n');
    for (qsizetype i = 0; i < std::max(a.size(), b.size()); ++i) {
        const QByteArray left = a.value(i, "<end of file>"), right = b.value(i, "<end of file>");
        if (left != right) {
            return QStringLiteral("line %1:\n  expected %2\n  written  %3")
                .arg(i + 1)
                .arg(QString::fromUtf8(left), QString::fromUtf8(right));
        }
    }
    return QStringLiteral("no line differs");
}

} // namespace

class TestBriefWriter : public QObject
{
    Q_OBJECT

private slots:
    void writesTheExpectedJson_data();
    void writesTheExpectedJson();
    void expectedJsonIsWrittenUnchanged_data() { writesTheExpectedJson_data(); }
    void expectedJsonIsWrittenUnchanged();
};

void TestBriefWriter::writesTheExpectedJson_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    // The shipped sample: what a user opens first and what every export starts from.
    QTest::newRow("sample brief") << QStringLiteral(SPHERES_SAMPLE_BRIEF) << kDataDir + u"/china-russia.expected.json"_s;
    // Every member a brief can hold, given in sorted order and on one line per section.
    QTest::newRow("everything") << kDataDir + u"/everything.input.json"_s << kDataDir + u"/everything.expected.json"_s;
    QTest::newRow("minimal") << kDataDir + u"/minimal.input.json"_s << kDataDir + u"/minimal.expected.json"_s;
}

void TestBriefWriter::writesTheExpectedJson()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const BriefReader::Result read = BriefReader::readFile(input);
    QVERIFY2(read.ok(), qPrintable(read.error));
    QVERIFY2(read.warnings.isEmpty(), qPrintable(read.warnings.join(u'\n')));
    const QByteArray written = BriefWriter::toJson(read.brief);
    if (qEnvironmentVariableIsSet("SPHERES_UPDATE_GOLDEN_FILES")) {
        QFile file(expected);
        QVERIFY2(file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(written) == written.size(),
                 qPrintable(expected));
        return;
    }
    const QByteArray stored = contents(expected);
    QVERIFY2(!stored.isEmpty(), qPrintable(expected + u": missing or empty"_s));
    if (written != stored) {
        const QString actual = QDir::temp().filePath(QFileInfo(expected).fileName());
        QFile file(actual);
        if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            file.write(written);
        QFAIL(qPrintable(u"%1 differs from what was written (saved as %2), %3"_s.arg(expected, actual,
                                                                                  firstDifference(stored, written))));
    }
}

void TestBriefWriter::expectedJsonIsWrittenUnchanged()
{
    // The stored files are briefs themselves: they read back equal and write as they are.
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const BriefReader::Result original = BriefReader::readFile(input);
    const BriefReader::Result stored = BriefReader::readFile(expected);
    QVERIFY2(original.ok() && stored.ok(), qPrintable(original.error + stored.error));
    QVERIFY(stored.brief == original.brief);
    QCOMPARE(BriefWriter::toJson(stored.brief), contents(expected));
}

QTEST_GUILESS_MAIN(TestBriefWriter)
#include "tst_briefwriter.moc"
