#pragma once

#include <QDialog>
#include <QStringList>

class QDialogButtonBox;
class QListWidget;

namespace spheres {

/// Asks which layers of a multi-layer file (a GeoPackage with several tables) to add: a list
/// with a check box per layer, all ticked to begin with.
class LayerChoiceDialog : public QDialog
{
    Q_OBJECT
public:
    LayerChoiceDialog(const QString &fileName, const QStringList &layers, QWidget *parent = nullptr);

    /// The ticked layers, in the file's order.
    QStringList chosenLayers() const;

    /// Shows the dialog; the layers chosen, or none when it was cancelled.
    static QStringList choose(QWidget *parent, const QString &fileName, const QStringList &layers);

private:
    void updateOk();

    QListWidget *m_list = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace spheres
