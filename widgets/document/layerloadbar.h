#pragma once

#include "userlayerloader.h"

#include <QWidget>

#include <functional>

class QLabel;
class QProgressBar;
class QToolButton;

namespace spheres {

/// The status bar's part of File > Add layer: while a user's file loads in the background, its
/// name, a progress bar and a Cancel button; hidden otherwise. The window stays responsive.
/// A cancelled load adds nothing.
class LayerLoadBar : public QWidget
{
    Q_OBJECT
public:
    /// Adds one loaded layer to the map; returns an error naming the file, or empty.
    using AddLayer = std::function<QString(const UserLayerLoader::Loaded &loaded, const QString &path)>;

    LayerLoadBar(AddLayer add, QWidget *parent = nullptr);

    /// Starts loading `layerNames` of `path` (all when empty) for `projection`; false while
    /// another file loads.
    bool start(const QString &path, const QStringList &layerNames, const Projection &projection);
    bool isLoading() const { return m_loader.isRunning(); }
    /// What the Cancel button does.
    void cancel();
    QProgressBar *progressBar() const { return m_bar; }
    UserLayerLoader *loader() { return &m_loader; }

signals:
    /// The load is over and its layers are added; `errors` (one per line, each naming the
    /// file) is empty when all went well.
    void finished(const QString &errors);
    /// The load was cancelled: no layer was added.
    void cancelled();

private:
    void showProgress(qint64 done, qint64 total);
    void onFinished();

    AddLayer m_add;
    UserLayerLoader m_loader;
    QLabel *m_label;
    QProgressBar *m_bar;
    QToolButton *m_cancel;
};

} // namespace spheres
