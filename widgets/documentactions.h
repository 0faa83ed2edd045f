#pragma once

#include <QObject>

#include <functional>
#include <memory>

class QAction;
class QMenu;
class QWidget;

namespace spheres {

class Atlas;
class BriefDocument;
class Layer;

/// The File menu's document work: open, save, save as, recent files, import a narrative, and
/// asking before unsaved changes are lost. Failures are shown with a message naming the file;
/// the open brief is never lost.
class DocumentActions : public QObject
{
    Q_OBJECT
public:
    using LayersProvider = std::function<QList<std::shared_ptr<const Layer>>()>;
    DocumentActions(BriefDocument *document, QWidget *window, QObject *parent = nullptr);

    void setLinkingData(std::shared_ptr<const Atlas> atlas, LayersProvider layers);
    QAction *openAction() const { return m_open; }
    QAction *saveAction() const { return m_save; }
    QAction *saveAsAction() const { return m_saveAs; }
    QAction *importAction() const { return m_import; }
    QMenu *recentMenu() const { return m_recent; }

    /// False when the user cancelled; true when there is nothing unsaved (any more).
    bool maybeSave();
    bool save();
    bool saveAs();
    /// Opens `path`, or shows why not. Returns true on success.
    bool openFile(const QString &path);
    /// Turns a narrative (plain text or Markdown) into a new, unsaved brief with linked claims.
    QString importNarrative(const QString &path);

private:
    void rememberRecent(const QString &path);
    void fillRecentMenu();

    BriefDocument *m_document;
    QWidget *m_window;
    std::shared_ptr<const Atlas> m_atlas;
    LayersProvider m_layers;
    QAction *m_open, *m_save, *m_saveAs, *m_import;
    QMenu *m_recent;
};

} // namespace spheres
