#pragma once

#include "brief.h"
#include "claimindex.h"
#include "filestamp.h"

#include <QObject>
#include <QUndoStack>

namespace spheres {

/// The open brief: its file, its undo history and whether it has unsaved changes. Every edit
/// goes through an undoable command, so undo/redo and the "modified" mark always agree.
class BriefDocument : public QObject
{
    Q_OBJECT
public:
    explicit BriefDocument(QObject *parent = nullptr);
    ~BriefDocument() override;

    const Brief &brief() const { return m_brief; }
    /// The claims by what they link, rebuilt on every edit before it is signalled.
    const ClaimIndex &claimIndex() const { return m_claimIndex; }
    QString filePath() const { return m_path; }
    /// The title bar's name: the file's name, or the brief's title for an unsaved brief.
    QString displayName() const;
    bool isModified() const { return !m_undo.isClean(); }
    QUndoStack *undoStack() { return &m_undo; }

    /// Replaces the document (after New, Open or Import): clears the history. An imported
    /// brief that exists in no file yet starts out `modified`, so that closing asks.
    void reset(Brief brief, const QString &path, bool modified = false);
    /// Opens a brief file; returns an error naming the file (the open brief is kept then).
    QString open(const QString &path);
    /// Whether save() may replace a file that changed on disk since it was opened or saved here.
    enum class Overwrite { IfUnchanged, Always };
    /// Saves atomically to the current path; returns an error (the brief stays modified). A file
    /// that someone else changed since is not overwritten unless asked (see changedOnDisk()).
    QString save(Overwrite overwrite = Overwrite::IfUnchanged);
    QString saveAs(const QString &path);

    /// True when the brief's file no longer holds what was opened or saved here (another
    /// window or program saved it, or it was deleted).
    bool changedOnDisk() const;
    /// Opens the file again as it is now (the changes here are dropped).
    QString reload();
    /// Keeps this version over the changed file: it counts as unsaved, and the file as it is now
    /// as seen, so that saving replaces it without asking again.
    void keepMine();

    /// Replaces one claim (matched by id) as one undoable edit named `what`.
    void editClaim(const Claim &after, const QString &what);
    /// Adds or removes a link of a claim (a region code, group id, feature key or topic).
    void toggleLink(const QString &claimId, Claim::LinkKind kind, const QString &link);
    /// Applies a claim without recording it (used by the undo commands).
    void applyClaim(const Claim &claim);
    /// Replaces the storyboard (add, update, rename, reorder, delete a view) as one undoable edit.
    void editViews(const QList<SavedView> &after, const QString &what);
    void applyViews(const QList<SavedView> &views);
    /// Replaces the annotations (add, move, edit, restyle, delete) as one undoable edit.
    void editAnnotations(const QList<Annotation> &after, const QString &what);
    void applyAnnotations(const QList<Annotation> &annotations);
    /// Replaces the users' layers (add, remove, restyle) as one undoable edit. Their paths are
    /// absolute here; saving writes them relative to the brief's file.
    void editUserLayers(const QList<UserLayerSource> &after, const QString &what);
    void applyUserLayers(const QList<UserLayerSource> &layers);

signals:
    void briefReset();
    void claimChanged(const QString &id);
    void viewsChanged();
    void annotationsChanged();
    void userLayersChanged();
    void modifiedChanged(bool modified);
    void filePathChanged(const QString &path);

private:
    Brief m_brief;
    ClaimIndex m_claimIndex;
    QString m_path;
    FileStamp m_stamp; ///< the file as it was opened or saved here
    QUndoStack m_undo;
};

} // namespace spheres
