#include "commands.h"

#include "exportcommand.h"
#include "linkcommand.h"
#include "validatecommand.h"

#include <algorithm>
#include <numeric>
#include <vector>

namespace spheres {

namespace {

/// Levenshtein distance, for suggesting a command; the names are a few letters long.
qsizetype editDistance(const QString &a, const QString &b)
{
    std::vector<qsizetype> row(size_t(b.size()) + 1);
    std::iota(row.begin(), row.end(), 0);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        qsizetype diagonal = row[0];
        row[0] = i;
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const qsizetype above = row[size_t(j)];
            const bool same = a.at(i - 1).toLower() == b.at(j - 1).toLower();
            row[size_t(j)] = std::min({above + 1, row[size_t(j - 1)] + 1, diagonal + (same ? 0 : 1)});
            diagonal = above;
        }
    }
    return row.back();
}

} // namespace

const QList<Command> &commands()
{
    static const QList<Command> all{
        {&exportCommandSpec, &runExportCommand, true},
        {&linkCommandSpec, &runLinkCommand, false},
        {&validateCommandSpec, &runValidateCommand, false},
    };
    return all;
}

const Command *findCommand(const QString &name)
{
    for (const Command &c : commands())
        if (c.spec().name == name)
            return &c;
    return nullptr;
}

const Command *nearestCommand(const QString &name)
{
    const Command *best = nullptr;
    qsizetype bestDistance = 3; // more than two edits away is not a typo of it
    for (const Command &c : commands()) {
        const qsizetype d = editDistance(name, c.spec().name);
        if (d < bestDistance) {
            best = &c;
            bestDistance = d;
        }
    }
    return best;
}

} // namespace spheres
