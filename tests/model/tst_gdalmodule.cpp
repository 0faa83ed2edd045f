// The GDAL module: the program loads GDAL's hundred libraries only when a user's file needs them,
// and a missing or foreign module is refused with a message naming it. (Links no GDAL itself, so
// that the process's mappings show what the model loads.)
#include "atlas.h"
#include "geojsonreader.h"
#include "vectorfilereader.h"
#include "vectorformatmodule.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace spheres;
using namespace Qt::StringLiterals;

namespace {

/// Whether a shared library whose file name holds `name` is mapped into this process.
bool isMapped(const QString &name)
{
    QFile maps(u"/proc/self/maps"_s);
    if (!maps.open(QIODevice::ReadOnly))
        return false;
    return QString::fromUtf8(maps.readAll()).contains(name);
}

/// The file of a shared library this process has mapped, e.g. Qt Core: a real library that is
/// not the module.
QString mappedLibrary(const QString &name)
{
    QFile maps(u"/proc/self/maps"_s);
    if (!maps.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray &line : maps.readAll().split('\n'))
        if (const int at = line.indexOf('/'); at >= 0 && line.contains(name.toUtf8()))
            return QString::fromUtf8(line.mid(at));
    return {};
}

bool write(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

class TestGdalModule : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(!isMapped(u"libgdal"_s), "the program links GDAL: it should only load it through the module");
        QVERIFY(!VectorFormatModule::isLoaded());
    }

    // Everything a start, an export or a GeoJSON layer does leaves GDAL unloaded. (Before the
    // CSV below: once loaded, the module stays.)
    void noGdalWithoutAUsersFile_data()
    {
        QTest::addColumn<std::function<bool(const QString &dir)>>("work");
        QTest::newRow("the shipped map") << std::function([](const QString &) {
            return Atlas::loadBuiltIn(Atlas::Detail::Coarse).ok();
        });
        QTest::newRow("the shipped layers") << std::function([](const QString &) {
            QStringList errors;
            return !GeoJsonReader::readAllBuiltIn(errors).isEmpty() && errors.isEmpty();
        });
        QTest::newRow("a user's GeoJSON") << std::function([](const QString &dir) {
            const QString path = dir + u"/points.geojson"_s;
            return write(path, R"({"type":"FeatureCollection","features":[{"type":"Feature","id":"a","properties":{},
                                   "geometry":{"type":"Point","coordinates":[75.99,39.47]}}]})")
                   && VectorFileReader::readFile(path).ok();
        });
        QTest::newRow("a missing GeoPackage") << std::function([](const QString &dir) {
            return VectorFileReader::readFile(dir + u"/missing.gpkg"_s).error.contains(u"no such file"_s);
        });
        QTest::newRow("an empty CSV") << std::function([](const QString &dir) {
            const QString path = dir + u"/empty.csv"_s;
            return write(path, {}) && VectorFileReader::listLayers(path).error.contains(u"is empty"_s);
        });
    }
    void noGdalWithoutAUsersFile()
    {
        QFETCH(std::function<bool(const QString &)>, work);
        QVERIFY(work(m_dir.path()));
        QVERIFY(!VectorFormatModule::isLoaded());
        QVERIFY(!isMapped(u"libgdal"_s));
    }

    void aUsersCsvLoadsGdal()
    {
        const QString path = m_dir.filePath(u"sites.csv"_s);
        QVERIFY(write(path, "name,lon,lat\nKashgar,75.99,39.47\nKhorgos,80.42,44.21\n"));
        const VectorFileReader::Result result = VectorFileReader::readFile(path);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.layer.features.size(), 2);
        QCOMPARE(result.layer.features.front().name, u"Kashgar"_s);
        QVERIFY(VectorFormatModule::isLoaded());
        QVERIFY(isMapped(u"libgdal"_s));
    }

    // The installed place first; the build tree's only because this test runs from it.
    void candidates()
    {
        const QStringList candidates = VectorFormatModule::candidates();
        QCOMPARE(candidates.size(), 2);
        QVERIFY2(candidates.front().endsWith(u"/spheres/spheres-gdal.so"_s) && candidates.front().contains(u"/../lib/"_s), qPrintable(candidates.front()));
        QVERIFY(QFileInfo(candidates.back()).isFile());
    }

    void foreignModuleIsRefusedByName_data()
    {
        QTest::addColumn<QString>("fileName"); // in the temporary directory; empty: Qt Core's library
        QTest::addColumn<QByteArray>("bytes"); // written to it first, unless null
        QTest::addColumn<QString>("why");
        QTest::newRow("missing") << u"none.so"_s << QByteArray() << u"is not installed (looked for"_s;
        QTest::newRow("not a library") << u"text.so"_s << QByteArray("not ELF\n") << u"cannot be loaded"_s;
        QTest::newRow("a library without the entry") << QString() << QByteArray() << u"is not Spheres's GDAL module"_s;
    }
    void foreignModuleIsRefusedByName()
    {
        QFETCH(QString, fileName);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, why);
        const QString path = fileName.isEmpty() ? mappedLibrary(u"libQt6Core"_s) : m_dir.filePath(fileName);
        QVERIFY(!path.isEmpty());
        if (!bytes.isNull())
            QVERIFY(write(path, bytes));
        const VectorFormatModule::Loaded loaded = VectorFormatModule::load({path});
        QVERIFY(!loaded.reader);
        QVERIFY2(loaded.error.contains(why), qPrintable(loaded.error));
        QVERIFY2(loaded.error.contains(path), qPrintable(loaded.error));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestGdalModule)
#include "tst_gdalmodule.moc"
