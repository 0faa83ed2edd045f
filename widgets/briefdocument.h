#pragma once

#include "brief.h"

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

    const Brief &brief() const { return m_brief; }
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
    /// Saves atomically to the current path; returns an error (the brief stays modified).
    QString save();
    QString saveAs(const QString &path);

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

signals:
    void briefReset();
    void claimChanged(const QString &id);
    void viewsChanged();
    void annotationsChanged();
    void modifiedChanged(bool modified);
    void filePathChanged(const QString &path);

private:
    Brief m_brief;
    QString m_path;
    QUndoStack m_undo;
};

} // namespace spheres
