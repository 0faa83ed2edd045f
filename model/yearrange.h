#pragma once

namespace spheres {

/// A closed range of calendar years.
struct YearRange
{
    int first = 0;
    int last = 0;

    constexpr bool contains(int year) const { return year >= first && year <= last; }
    constexpr bool contains(YearRange other) const { return contains(other.first) && contains(other.last); }
    constexpr int clamped(int year) const { return year < first ? first : year > last ? last : year; }

    /// The years a fact may carry, wherever it comes from: a layer's period (`since`, `until`), a
    /// saved view's year and `spheres export --year`. 1800 to 2100, the range the readers have
    /// always held files to: it reaches back past every dated fact Spheres ships (the earliest is
    /// 1964) and forward past any plan, and it is the one range in which a picture drawn from the
    /// command line can also be saved in a brief (the command line's old 2200 drew years no brief
    /// could keep).
    static constexpr YearRange facts() { return {1800, 2100}; }
};

} // namespace spheres
