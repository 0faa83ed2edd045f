#pragma once

#include "vectorfilereader.h"

#include <QString>
#include <QStringList>

namespace spheres {

/// The part of VectorFileReader that needs GDAL, as the GDAL module (spheres-gdal.so, built from
/// model/gdal/) offers it. GDAL brings about a hundred shared libraries with it, which cost some
/// 80 ms at every start when linked; behind this interface they are loaded only when a user's
/// file needs them. The module is built from this tree with the same compiler, so the values
/// passed (Qt and standard containers) cross the boundary as they are.
class VectorFormatReader
{
public:
    virtual ~VectorFormatReader() = default;
    /// VectorFileReader::listLayers for a file that is not GeoJSON; the file exists, is not
    /// empty and is within the size limit.
    virtual VectorFileReader::Contents listLayers(const QString &path) const = 0;
    /// VectorFileReader::readFile for a file that is not GeoJSON, under the same conditions.
    virtual VectorFileReader::Result readFile(const QString &path, const QString &layerName,
                                              const VectorFileReader::Limits &limits,
                                              const VectorFileReader::Progress &progress) const = 0;
};

/// The module's one exported function (extern "C"): its reader, which lives as long as the process.
using VectorFormatReaderEntry = const VectorFormatReader *();
inline constexpr char kVectorFormatReaderEntry[] = "spheresVectorFormatReader";

/// Finds and loads the GDAL module, once per process and on first use, from any thread.
class VectorFormatModule
{
    Q_DECLARE_TR_FUNCTIONS(VectorFormatModule)

public:
    struct Loaded
    {
        const VectorFormatReader *reader = nullptr; ///< null when it could not be loaded
        QString error;                              ///< why not: names the module's file
    };

    /// The process's module, loaded on the first call from the places where it is installed.
    static const Loaded &instance();
    /// Whether instance() has loaded it (for tests: the shipped map and GeoJSON never need it).
    static bool isLoaded();

    /// Loads the module from the first of `candidates` that exists (tests give bad ones).
    static Loaded load(const QStringList &candidates);
    /// Where the module may be: beside the installed program (../lib/<multiarch>/spheres/), or, for a program
    /// run from the build tree, where the build wrote it.
    static QStringList candidates();
};

} // namespace spheres
