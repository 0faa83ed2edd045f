#include "userlayers.h"

#include "vectorfilereader.h"

#include <QCoreApplication>
#include <QSet>
#include <QTextStream>

namespace spheres {

namespace {
} // namespace

UserLayers UserLayers::read(const QStringList &files)
{
    UserLayers out;
    QSet<QString> ids;
    QTextStream err(stderr);
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
