/// The `v14-decisions` migration (issue 22): the reason a market application was refused, told to its merchant; and
/// who made a pop-up booking's latest change (NULL: the hub itself), so that nobody is told of their own action.
/// Frozen history once landed.
let decisionsSchema = """
    ALTER TABLE marketApplication ADD COLUMN reason TEXT CHECK (reason IS NULL OR length(reason) <= 500);
    ALTER TABLE popUpBooking ADD COLUMN changedBy INTEGER REFERENCES user(id);
    """
