#include "briefuserlayers.h"

#include "attributeclassifier.h"
#include "vectorfilereader.h"

#include <QDir>
#include <QFileInfo>

namespace spheres {

QString BriefUserLayers::resolve(const QString &path, const QString &briefPath)
{
    if (QDir::isAbsolutePath(path))
        return QDir::cleanPath(path);
    const QDir base = briefPath.isEmpty() ? QDir::current() : QFileInfo(briefPath).absoluteDir();
    return QDir::cleanPath(base.absoluteFilePath(path));
}

QString BriefUserLayers::relative(const QString &absolutePath, const QString &briefPath)
{
    if (briefPath.isEmpty())
        return QDir::cleanPath(QFileInfo(absolutePath).absoluteFilePath());
    return QFileInfo(briefPath).absoluteDir().relativeFilePath(QFileInfo(absolutePath).absoluteFilePath());
}

void BriefUserLayers::resolveAll(Brief &brief, const QString &briefPath)
{
    for (UserLayerSource &source : brief.userLayers)
        source.path = resolve(source.path, briefPath);
}

void BriefUserLayers::relativeAll(Brief &brief, const QString &briefPath)
{
    for (UserLayerSource &source : brief.userLayers)
        source.path = relative(resolve(source.path, QString()), briefPath);
}

BriefUserLayers::Loaded BriefUserLayers::load(const Brief &brief, qsizetype index, const QString &briefPath,
                                              const QString &briefName)
{
    const UserLayerSource &source = brief.userLayers.at(index);
    const QString name = !briefName.isEmpty() ? briefName : !briefPath.isEmpty() ? briefPath : tr("the brief");
    return read(source, briefPath, tr("%1: userLayers[%2] (%3)").arg(name).arg(index).arg(source.path));
}

BriefUserLayers::Loaded BriefUserLayers::load(const UserLayerSource &source, const QString &briefPath)
{
    return read(source, briefPath, QString());
}

BriefUserLayers::Loaded BriefUserLayers::read(const UserLayerSource &source, const QString &briefPath, const QString &place)
{
    Loaded out;
    const auto placed = [&place](const QString &what) { return place.isEmpty() ? what : tr("%1: %2").arg(place, what); };
    const QString file = resolve(source.path, briefPath);
    // Only regular files reach the readers: a FIFO would block them, a device or a folder mislead them.
    if (const QFileInfo info(file); !info.isFile()) {
        out.problem = placed(tr("%1: %2").arg(file, info.exists() ? tr("not a regular file") : tr("no such file")));
        return out;
    }
    VectorFileReader::Result read = VectorFileReader::readFile(file, source.layerName);
    if (!read.ok()) {
        out.problem = placed(read.error);
        return out;
    }
    for (const QString &warning : std::as_const(read.warnings))
        out.warnings << placed(warning);
    if (source.style.isSet()) {
        const QList<AttributeClassifier::Field> fields = AttributeClassifier::fieldsOf(read.layer);
        if (std::none_of(fields.begin(), fields.end(), [&](const auto &f) { return f.name == source.style.field; }))
            out.warnings << placed(tr("%1: the layer has no field \"%2\" to colour it by; it is drawn plain")
                                       .arg(file, source.style.field));
    }
    out.layer = std::make_shared<const Layer>(AttributeClassifier::styled(std::move(read.layer), source.style));
    return out;
}

QList<BriefUserLayers::Loaded> BriefUserLayers::loadAll(const Brief &brief, const QString &briefPath)
{
    QList<Loaded> out;
    for (qsizetype i = 0; i < brief.userLayers.size(); ++i)
        out << load(brief, i, briefPath);
    return out;
}

} // namespace spheres
