"""The sort orders a list offers as links (``templates/includes/sort_links.html``): a
FilterSet's own ``sort`` choices, those that need a search left out without one, and the
order that applies marked."""


class SortLinksMixin:
    """For a FilterSet with a ``sort`` ChoiceFilter; it says what its default order is."""

    # Orders offered only with a search text (relevance ranks the matches of a search).
    sort_needs_search = ("relevance",)

    @property
    def searched(self):
        """Whether the list is searched: a valid ``q`` (search lists: the words searched for,
        not a speaker it names)."""
        return bool(self.is_valid() and self.form.cleaned_data.get("q"))

    def sort_default(self):
        """The order without a ``sort``; None when that order has no link."""
        raise NotImplementedError

    def sort_links(self):
        """[(value, label, current)] in the order of the choices; for a valid form."""
        chosen = self.form.cleaned_data.get("sort") if self.is_valid() else ""
        current = chosen or self.sort_default()
        return [
            (value, label, value == current)
            for value, label in self.form.fields["sort"].choices
            if value and (self.searched or value not in self.sort_needs_search)
        ]
