#include "userlayers.h"

#include "briefuserlayers.h"
#include "vectorfilereader.h"

#include <QCoreApplication>
#include <QSet>
#include <QTextStream>

namespace spheres {

namespace {
} // namespace

UserLayers UserLayers::read(const QStringList &files, const Brief *brief, const QString &briefPath)
{
    UserLayers out;
    QSet<QString> ids;
    QTextStream err(stderr);
    for (qsizetype i = 0; brief && i < brief->userLayers.size(); ++i) {
        const BriefUserLayers::Loaded loaded = BriefUserLayers::load(*brief, i, briefPath);
        for (const QString &warning : loaded.warnings)
            err << tr("warning: %1").arg(warning) << Qt::endl;
        if (!loaded.layer) {
            out.error = loaded.problem;
            return out;
        }
        if (ids.contains(loaded.layer->id)) {
            out.error = tr("%1: userLayers[%2] (%3): a layer named \"%4\" is given twice")
                            .arg(briefPath).arg(i).arg(brief->userLayers[i].path, loaded.layer->id);
            return out;
        }
        ids.insert(loaded.layer->id);
        out.layers << loaded.layer;
    }
    for (const QString &file : files) {
        for (VectorFileReader::Result &result : VectorFileReader::readAllLayers(file)) {
            if (!result.ok()) {
                out.error = tr("--layer: %1").arg(result.error);
                return out;
            }
            for (const QString &warning : result.warnings)
                err << tr("warning: %1").arg(warning) << Qt::endl;
            if (ids.contains(result.layer.id)) {
                out.error = tr("--layer: %1: a layer named \"%2\" is given twice").arg(file, result.layer.id);
                return out;
            }
            ids.insert(result.layer.id);
            out.layers << std::make_shared<const Layer>(std::move(result.layer));
        }
    }
    return out;
}

} // namespace spheres
