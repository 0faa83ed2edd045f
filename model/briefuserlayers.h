#pragma once

#include "brief.h"
#include "layer.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace spheres {

/// The users' files a brief names (Brief::userLayers): where they are, and reading them. A path
/// in a brief is relative to the brief's folder, so that a brief and its data move together;
/// while a brief has no file yet, and in the window's memory, its paths are absolute. Every file is read by VectorFileReader
/// with its limits; a missing or broken one is a problem naming the brief, the path and why, and
/// the other layers are read all the same. The window, `spheres export` and `spheres validate`
/// all read a brief's layers here.
class BriefUserLayers
{
    Q_DECLARE_TR_FUNCTIONS(BriefUserLayers)

public:
    /// The file `source.path` names, for a brief in `briefPath` (empty: a brief with no file).
    static QString resolve(const QString &path, const QString &briefPath);
    /// `absolutePath` as a brief in `briefPath` writes it: relative to its folder, or absolute
    /// for a brief with no file yet.
    static QString relative(const QString &absolutePath, const QString &briefPath);
    /// Every path of `brief`, a brief in `briefPath`, made absolute: what the window holds, so
    /// that a Save As elsewhere or an undo never points a path at the wrong folder.
    static void resolveAll(Brief &brief, const QString &briefPath);
    /// Every path of `brief` as a brief saved to `briefPath` writes it (relative to its folder).
    static void relativeAll(Brief &brief, const QString &briefPath);

    struct Loaded
    {
        std::shared_ptr<const Layer> layer; ///< null when the file could not be read
        QString problem;                    ///< "<brief>: userLayers[i] (<path>): <why>"; empty on success
        QStringList warnings;               ///< the reader's warnings, with the same place in front
    };
    /// Reads userLayers[index] of a brief in `briefPath` (`briefName` names it in messages),
    /// styled as the brief says.
    static Loaded load(const Brief &brief, qsizetype index, const QString &briefPath, const QString &briefName = {});
    static QList<Loaded> loadAll(const Brief &brief, const QString &briefPath);
    /// Reads one source that is not yet in a brief (File > Add layer): problems name the file only.
    static Loaded load(const UserLayerSource &source, const QString &briefPath);

private:
    /// `place` ("<brief>: userLayers[i] (<path>)") goes in front of every message, when given.
    static Loaded read(const UserLayerSource &source, const QString &briefPath, const QString &place);

};

} // namespace spheres
