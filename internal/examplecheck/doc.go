// Package examplecheck holds static checks of the examples users copy into
// their own repositories, where a mistake (a CI workflow that publishes a
// plan, an action pinned to a movable tag) would be copied with them.
package examplecheck
