#pragma once

#include "projectedlayer.h"
#include "projection.h"

#include <QFutureWatcher>
#include <QObject>
#include <QStringList>

#include <atomic>
#include <memory>

namespace spheres {

/// Reads a user's vector file in the background: the chosen layers (all of a multi-layer file
/// when none are chosen), each projected for the map's projection and indexed there too, so
/// that adding it to the map costs the window nothing. It tells its progress, can be cancelled
/// at any moment, and then yields nothing: a cancelled load never leaves part of a layer.
/// Lives in the renderer, not in widgets/, so that the benchmark times what the window does.
class UserLayerLoader : public QObject
{
    Q_OBJECT
public:
    struct Loaded
    {
        std::shared_ptr<const Layer> layer;
        ProjectedLayer projected;
        QStringList warnings;
    };
    struct Outcome
    {
        QString path;
        QList<Loaded> layers;
        QStringList errors; ///< each naming the file; the layers that could be read are still given
        bool cancelled = false;
    };

    explicit UserLayerLoader(QObject *parent = nullptr);
    ~UserLayerLoader() override; ///< cancels a load that is running, and waits for its thread

    /// Starts reading `path` for `projection`; false (and nothing started) while a load runs.
    bool start(const QString &path, const QStringList &layerNames, const Projection &projection);
    bool isRunning() const { return m_watcher.isRunning(); }
    /// Stops the load: finished() follows with a cancelled outcome and no layer.
    void cancel();
    /// The last load's outcome, once finished() is signalled (taken: a second call gets nothing).
    Outcome takeOutcome();

signals:
    /// Features read so far and how many the file announces (0: it does not say).
    void progressChanged(qint64 done, qint64 total);
    void finished();

private:
    static Outcome load(const QString &path, const QStringList &layerNames, const Projection &projection,
                        const std::shared_ptr<std::atomic_bool> &cancelled, const std::function<void(qint64, qint64)> &report);

    QFutureWatcher<Outcome> m_watcher;
    std::shared_ptr<std::atomic_bool> m_cancelled;
    Outcome m_outcome;
};

} // namespace spheres
