"""Attribution: direct quotations, who said them, and the article's linked headlines."""
