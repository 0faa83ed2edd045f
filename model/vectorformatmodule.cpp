#include "vectorformatmodule.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibrary>

#include <atomic>
#include <mutex>

namespace spheres {

namespace {

std::atomic_bool g_loaded{false};

/// The running program's directory, also before (or without) a QCoreApplication.
QString programDir()
{
    if (QCoreApplication::instance())
        return QCoreApplication::applicationDirPath();
    return QFileInfo(QFileInfo(QStringLiteral("/proc/self/exe")).canonicalFilePath()).absolutePath();
}

bool isInside(const QString &path, const QString &dir)
{
    const QString canonicalDir = QFileInfo(dir).canonicalFilePath();
    return !canonicalDir.isEmpty() && (path == canonicalDir || path.startsWith(canonicalDir + u'/'));
}

} // namespace

QStringList VectorFormatModule::candidates()
{
    const QString dir = programDir();
    QStringList paths{QDir(dir).filePath(QStringLiteral(SPHERES_GDAL_MODULE_FROM_PROGRAM))};
    // The build tree's copy only for a program that lives in that tree: an installed program
    // never loads code from a directory that happens to have the build's path on another machine.
    if (isInside(QFileInfo(dir).canonicalFilePath(), QStringLiteral(SPHERES_BUILD_DIR)))
        paths << QStringLiteral(SPHERES_GDAL_MODULE_IN_BUILD);
    return paths;
}

VectorFormatModule::Loaded VectorFormatModule::load(const QStringList &candidates)
{
    Loaded loaded;
    const auto found = std::find_if(candidates.begin(), candidates.end(), [](const QString &p) { return QFileInfo(p).isFile(); });
    if (found == candidates.end()) {
        loaded.error = tr("the GDAL module is not installed (looked for %1)").arg(candidates.join(QStringLiteral(", ")));
        return loaded;
    }
    QLibrary library(*found); // never unloaded: the reader it gives lives as long as the process
    if (!library.load()) {
        loaded.error = tr("the GDAL module %1 cannot be loaded: %2").arg(*found, library.errorString());
        return loaded;
    }
    const auto entry = reinterpret_cast<VectorFormatReaderEntry *>(library.resolve(kVectorFormatReaderEntry));
    if (!entry || !(loaded.reader = entry())) {
        loaded.error = tr("%1 is not Spheres's GDAL module: it has no %2").arg(*found, QLatin1String(kVectorFormatReaderEntry));
        library.unload();
    }
    return loaded;
}

const VectorFormatModule::Loaded &VectorFormatModule::instance()
{
    static Loaded loaded;
    static std::once_flag once;
    std::call_once(once, [] {
        loaded = load(candidates());
        g_loaded = loaded.reader != nullptr;
    });
    return loaded;
}

bool VectorFormatModule::isLoaded() { return g_loaded; }

} // namespace spheres
