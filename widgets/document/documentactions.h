#pragma once

#include <QObject>

#include <functional>
#include <memory>

class QAction;
class QMenu;
class QWidget;

namespace spheres {

class Atlas;
struct Brief;
class BriefDocument;
class Layer;

/// The File menu's document work: open, save, save as, recent files, import or re-link a
/// narrative, and asking before unsaved changes are lost. Failures are shown with a message naming the file;
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
    QAction *relinkAction() const { return m_relink; }
    QMenu *recentMenu() const { return m_recent; }

    /// What to do about a brief file that changed on disk since it was opened or saved here.
    enum class DiskChange { Reload, KeepMine, Overwrite, SaveAs, Cancel };
    /// Asks the user; `saving` when a save is about to overwrite the file (Overwrite, Save As,
    /// Cancel), else when the window gets the focus (Reload, Keep mine, Save As). Tests set their own.
    using DiskChangePrompt = std::function<DiskChange(bool saving)>;
    void setDiskChangePrompt(DiskChangePrompt prompt) { m_askDiskChange = std::move(prompt); }
    /// When the brief's file changed on disk: asks, and reloads, keeps this version or saves as.
    void checkDiskChanges();

    /// False when the user cancelled; true when there is nothing unsaved (any more).
    bool maybeSave();
    bool save();
    bool saveAs();
    /// Opens `path`, or shows why not. Returns true on success.
    bool openFile(const QString &path);
    /// Turns a narrative (plain text or Markdown) into a new, unsaved brief with linked claims.
    QString importNarrative(const QString &path);
    /// Links the narrative at `path` (an edited version of the brief's own) into the open brief:
    /// claims whose sentence is unchanged keep the user's links, stance and notes; new sentences
    /// are linked afresh (Linker::relink). The brief stays at its file, modified.
    QString relinkNarrative(const QString &path);

private:
    void rememberRecent(const QString &path);
    QString linkNarrativeFile(const QString &path, Brief &brief) const;
    DiskChange askDiskChange(bool saving);
    void fillRecentMenu();

    BriefDocument *m_document;
    QWidget *m_window;
    std::shared_ptr<const Atlas> m_atlas;
    LayersProvider m_layers;
    DiskChangePrompt m_askDiskChange;
    bool m_checkingDisk = false;
    QAction *m_open, *m_save, *m_saveAs, *m_import, *m_relink;
    QMenu *m_recent;
};

} // namespace spheres
