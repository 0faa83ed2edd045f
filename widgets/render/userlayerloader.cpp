#include "userlayerloader.h"

#include "vectorfilereader.h"

#include <QCoreApplication>
#include <QtConcurrent/QtConcurrentRun>

namespace spheres {

UserLayerLoader::UserLayerLoader(QObject *parent) : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcherBase::finished, this, [this] {
        m_outcome = m_watcher.result();
        if (m_cancelled && *m_cancelled) // cancelled after the last check: still nothing
            m_outcome = Outcome{m_outcome.path, {}, {}, true};
        emit finished();
    });
}

UserLayerLoader::~UserLayerLoader()
{
    cancel();
    m_watcher.waitForFinished();
}

bool UserLayerLoader::start(const QString &path, const QStringList &layerNames, const Projection &projection)
{
    if (isRunning())
        return false;
    m_cancelled = std::make_shared<std::atomic_bool>(false);
    m_outcome = {};
    // Progress crosses to this thread as queued calls, dropped if the loader is gone.
    const auto report = [this](qint64 done, qint64 total) {
        QMetaObject::invokeMethod(this, [this, done, total] { emit progressChanged(done, total); }, Qt::QueuedConnection);
    };
    m_watcher.setFuture(QtConcurrent::run(&UserLayerLoader::load, path, layerNames, projection, m_cancelled, report));
    return true;
}

void UserLayerLoader::cancel()
{
    if (m_cancelled)
        *m_cancelled = true;
}

UserLayerLoader::Outcome UserLayerLoader::takeOutcome() { return std::exchange(m_outcome, Outcome{}); }

UserLayerLoader::Outcome UserLayerLoader::load(const QString &path, const QStringList &layerNames, const Projection &projection,
                                               const std::shared_ptr<std::atomic_bool> &cancelled,
                                               const std::function<void(qint64, qint64)> &report)
{
    Outcome out{path, {}, {}, false};
    QStringList names = layerNames;
    if (names.isEmpty() && !VectorFileReader::isGeoJson(path)) {
        const VectorFileReader::Contents contents = VectorFileReader::listLayers(path);
        if (!contents.ok())
            return Outcome{path, {}, {contents.error}, false};
        if (contents.layers.size() > 1)
            names = contents.layers;
    }
    if (names.isEmpty())
        names << QString(); // the file's only layer
    const auto progress = [&](qint64 done, qint64 total) {
        report(done, total);
        return !*cancelled;
    };
    for (const QString &name : names) {
        VectorFileReader::Result result = VectorFileReader::readFile(path, name, {}, progress);
        if (*cancelled)
            return Outcome{path, {}, {}, true};
        if (!result.ok()) {
            out.errors << result.error;
            continue;
        }
        auto layer = std::make_shared<const Layer>(std::move(result.layer));
        ProjectedLayer projected(layer, projection);
        if (*cancelled)
            return Outcome{path, {}, {}, true};
        out.layers.push_back({layer, std::move(projected), result.warnings});
    }
    return out;
}

} // namespace spheres
