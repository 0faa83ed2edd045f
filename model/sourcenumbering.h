#pragma once

#include "layer.h"

#include <QList>
#include <QString>

namespace spheres {

/// One numbered list of sources for a whole document (the briefing pack's appendix): each source
/// gets a number the first time a page cites it, and keeps it on every later page, so that a page
/// cites "Sources 3–9, 14" rather than repeating a page of addresses.
class SourceNumbering
{
public:
    /// The numbers (1-based, ascending) of `sources`, numbering those not seen before.
    QList<int> cite(const QList<Source> &sources);
    /// Every source cited so far, in the order of their numbers.
    const QList<Source> &sources() const { return m_sources; }

    /// Ascending numbers as ranges: {1, 2, 3, 5, 7, 8} → "1–3, 5, 7, 8" (a run of two stays two).
    static QString ranges(const QList<int> &numbers);
    /// One source in one line: "Title, Publisher, Date. https://…" (the parts it has).
    static QString describe(const Source &source);

private:
    QList<Source> m_sources;
};

} // namespace spheres
