#include "briefdocument.h"

#include "briefio.h"
#include "briefuserlayers.h"

#include <QFileInfo>
#include <QUndoCommand>

namespace spheres {

namespace {

/// One edit of one claim: undo puts back the claim as it was.
class ClaimEdit : public QUndoCommand
{
public:
    ClaimEdit(BriefDocument *document, Claim before, Claim after, const QString &text)
        : QUndoCommand(text), m_document(document), m_before(std::move(before)), m_after(std::move(after))
    {
    }
    void redo() override { m_document->applyClaim(m_after); }
    void undo() override { m_document->applyClaim(m_before); }

private:
    BriefDocument *m_document;
    Claim m_before, m_after;
};

/// One change of a list of the brief (the storyboard, the annotations): undo puts back the list
/// as it was. Edits with a `mergeId` merge with the next one of the same name, so that typing a
/// caption is one edit, not one per key.
template <typename List>
class ListEdit : public QUndoCommand
{
public:
    using Apply = void (BriefDocument::*)(const List &);
    ListEdit(BriefDocument *document, Apply apply, List before, List after, const QString &text, int mergeId)
        : QUndoCommand(text), m_document(document), m_apply(apply), m_before(std::move(before)),
          m_after(std::move(after)), m_mergeId(mergeId)
    {
    }
    void redo() override { (m_document->*m_apply)(m_after); }
    void undo() override { (m_document->*m_apply)(m_before); }
    int id() const override { return m_mergeId; }
    bool mergeWith(const QUndoCommand *other) override
    {
        if (other->text() != text())
            return false;
        m_after = static_cast<const ListEdit *>(other)->m_after;
        return true;
    }

private:
    BriefDocument *m_document;
    Apply m_apply;
    List m_before, m_after;
    int m_mergeId;
};

constexpr int kViewsMergeId = 1;
constexpr int kNoMerge = -1;

} // namespace

BriefDocument::BriefDocument(QObject *parent) : QObject(parent)
{
    connect(&m_undo, &QUndoStack::cleanChanged, this, [this](bool clean) { emit modifiedChanged(!clean); });
}

BriefDocument::~BriefDocument()
{
    // The history's clear() on destruction is no "saved": the recovery copy must stay.
    m_undo.blockSignals(true);
}

QString BriefDocument::displayName() const
{
    if (!m_path.isEmpty())
        return QFileInfo(m_path).fileName();
    return m_brief.title.isEmpty() ? tr("Untitled brief") : m_brief.title;
}

void BriefDocument::reset(Brief brief, const QString &path, bool modified)
{
    m_brief = std::move(brief);
    BriefUserLayers::resolveAll(m_brief, path); // relative in the file, absolute here
    m_claimIndex = ClaimIndex(m_brief);
    m_path = path;
    m_stamp = path.isEmpty() ? FileStamp() : FileStamp::of(path);
    m_undo.clear();
    if (modified)
        m_undo.resetClean();
    else
        m_undo.setClean();
    emit briefReset();
    emit filePathChanged(m_path);
    emit modifiedChanged(modified);
}

QString BriefDocument::open(const QString &path)
{
    // Stamped before reading: a change in between is seen as a change, never missed.
    const FileStamp stamp = FileStamp::of(path);
    BriefReader::Result result = BriefReader::readFile(path);
    if (!result.ok())
        return result.error;
    reset(std::move(result.brief), path);
    m_stamp = stamp;
    return {};
}

QString BriefDocument::save(Overwrite overwrite)
{
    if (m_path.isEmpty())
        return tr("the brief has no file yet: use Save As");
    if (overwrite == Overwrite::IfUnchanged && changedOnDisk())
        return tr("%1: the file was changed by another window or program since it was opened here; "
                  "it was not overwritten").arg(m_path);
    return saveAs(m_path);
}

QString BriefDocument::saveAs(const QString &path)
{
    QByteArray written;
    Brief saved = m_brief;
    BriefUserLayers::relativeAll(saved, path);
    if (const QString error = BriefWriter::save(saved, path, &written); !error.isEmpty())
        return error;
    m_stamp = FileStamp::ofBytes(written);
    if (path != m_path) {
        m_path = path;
        emit filePathChanged(m_path);
    }
    m_undo.setClean();
    return {};
}

bool BriefDocument::changedOnDisk() const
{
    return !m_path.isEmpty() && FileStamp::of(m_path) != m_stamp;
}

QString BriefDocument::reload()
{
    if (m_path.isEmpty())
        return tr("the brief has no file to reload");
    return open(m_path);
}

void BriefDocument::keepMine()
{
    m_stamp = FileStamp::of(m_path);
    m_undo.resetClean(); // what is on the disk is not this version
}

void BriefDocument::editClaim(const Claim &after, const QString &what)
{
    const Claim *before = m_brief.claim(after.id);
    if (!before || *before == after)
        return;
    m_undo.push(new ClaimEdit(this, *before, after, what));
}

void BriefDocument::toggleLink(const QString &claimId, Claim::LinkKind kind, const QString &link)
{
    const Claim *current = m_brief.claim(claimId);
    if (!current || link.isEmpty())
        return;
    Claim after = *current;
    QStringList &list = after.links(kind);
    const bool removing = list.contains(link);
    if (removing)
        list.removeAll(link);
    else
        list << link;
    editClaim(after, removing ? tr("Unlink %1").arg(link) : tr("Link %1").arg(link));
}

void BriefDocument::editViews(const QList<SavedView> &after, const QString &what)
{
    if (after != m_brief.views)
        m_undo.push(new ListEdit<QList<SavedView>>(this, &BriefDocument::applyViews, m_brief.views, after, what,
                                                   kViewsMergeId));
}

void BriefDocument::applyViews(const QList<SavedView> &views)
{
    m_brief.views = views;
    emit viewsChanged();
}

void BriefDocument::editAnnotations(const QList<Annotation> &after, const QString &what)
{
    if (after != m_brief.annotations)
        m_undo.push(new ListEdit<QList<Annotation>>(this, &BriefDocument::applyAnnotations, m_brief.annotations, after,
                                                    what, kNoMerge));
}

void BriefDocument::applyAnnotations(const QList<Annotation> &annotations)
{
    m_brief.annotations = annotations;
    emit annotationsChanged();
}

void BriefDocument::editUserLayers(const QList<UserLayerSource> &after, const QString &what)
{
    if (after != m_brief.userLayers)
        m_undo.push(new ListEdit<QList<UserLayerSource>>(this, &BriefDocument::applyUserLayers, m_brief.userLayers,
                                                         after, what, kNoMerge));
}

void BriefDocument::applyUserLayers(const QList<UserLayerSource> &layers)
{
    m_brief.userLayers = layers;
    emit userLayersChanged();
}

void BriefDocument::applyClaim(const Claim &claim)
{
    for (Claim &c : m_brief.claims) {
        if (c.id == claim.id) {
            c = claim;
            m_claimIndex = ClaimIndex(m_brief); // before anyone asks about the edit
            emit claimChanged(claim.id);
            return;
        }
    }
}

} // namespace spheres
