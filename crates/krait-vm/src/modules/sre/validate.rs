//! A structural check of code handed to `_sre.compile` ("invalid SRE code"):
//! every operator has its arguments, every skip stays inside its block,
//! sub-programs end where they should, marks and group references are in
//! range. The engine never reads out of bounds anyway; this rejects code
//! that would make it misbehave (loop without progress, use a repeat
//! context that does not exist).

use super::engine::{op, MAXREPEAT};

type R = Result<(), ()>;

struct V<'a> {
    code: &'a [u32],
    groups: usize,
    /// Positions of the set operators seen.
    sets: std::cell::RefCell<Vec<usize>>,
}

const MAX_DEPTH: usize = 2000;

impl V<'_> {
    fn w(&self, i: usize) -> Result<u32, ()> {
        self.code.get(i).copied().ok_or(())
    }

    /// `pc + 1 + skip` as a position not beyond `end`.
    fn target(&self, a: usize, end: usize) -> Result<usize, ()> {
        let t = a.checked_add(self.w(a)? as usize).ok_or(())?;
        if t > end {
            return Err(());
        }
        Ok(t)
    }

    fn charset(&self, mut i: usize, end: usize) -> R {
        while i < end {
            match self.w(i)? {
                op::FAILURE => {
                    i += 1;
                    if i != end {
                        return Err(());
                    }
                    return Ok(());
                }
                op::NEGATE => i += 1,
                op::LITERAL => i += 2,
                op::CATEGORY => {
                    if self.w(i + 1)? > 17 {
                        return Err(());
                    }
                    i += 2;
                }
                op::RANGE | op::RANGE_UNI_IGNORE => {
                    if self.w(i + 1)? > self.w(i + 2)? {
                        return Err(());
                    }
                    i += 3;
                }
                op::CHARSET => i += 9,
                op::BIGCHARSET => {
                    let n = self.w(i + 1)? as usize;
                    // Block indices (bytes) must name existing blocks.
                    for k in 0..256 {
                        let b = self.w(i + 2 + k / 4)?.to_ne_bytes()[k % 4] as usize;
                        if b >= n {
                            return Err(());
                        }
                    }
                    i = i.checked_add(2 + 64).and_then(|x| x.checked_add(n.checked_mul(8)?)).ok_or(())?;
                }
                _ => return Err(()),
            }
        }
        Err(())
    }

    /// Check the operators in `[i, end)`.
    fn block(&self, mut i: usize, end: usize, depth: usize) -> R {
        if depth > MAX_DEPTH {
            return Err(());
        }
        while i < end {
            let opc = self.w(i)?;
            let a = i + 1;
            match opc {
                op::FAILURE | op::SUCCESS | op::ANY | op::ANY_ALL => i = a,
                op::AT => {
                    if self.w(a)? > 11 {
                        return Err(());
                    }
                    i = a + 1;
                }
                op::CATEGORY => {
                    if self.w(a)? > 17 {
                        return Err(());
                    }
                    i = a + 1;
                }
                op::LITERAL
                | op::NOT_LITERAL
                | op::LITERAL_IGNORE
                | op::NOT_LITERAL_IGNORE
                | op::LITERAL_UNI_IGNORE
                | op::NOT_LITERAL_UNI_IGNORE
                | op::LITERAL_LOC_IGNORE
                | op::NOT_LITERAL_LOC_IGNORE => {
                    self.w(a)?;
                    i = a + 1;
                }
                op::MARK => {
                    if self.w(a)? as usize >= 2 * self.groups {
                        return Err(());
                    }
                    i = a + 1;
                }
                op::GROUPREF | op::GROUPREF_IGNORE | op::GROUPREF_UNI_IGNORE | op::GROUPREF_LOC_IGNORE => {
                    if self.w(a)? as usize >= self.groups {
                        return Err(());
                    }
                    i = a + 1;
                }
                op::IN | op::IN_IGNORE | op::IN_UNI_IGNORE | op::IN_LOC_IGNORE => {
                    let t = self.target(a, end)?;
                    self.charset(a + 1, t)?;
                    self.sets.borrow_mut().push(i);
                    i = t;
                }
                op::INFO => {
                    let t = self.target(a, end)?;
                    if t < a + 4 {
                        return Err(());
                    }
                    let flags = self.w(a + 1)?;
                    if self.w(a + 2)? > self.w(a + 3)? {
                        return Err(());
                    }
                    if flags & super::engine::INFO_PREFIX != 0 {
                        let plen = self.w(a + 4)? as usize;
                        let pskip = self.w(a + 5)? as usize;
                        if pskip > plen || a + 6 + 2 * plen > t {
                            return Err(());
                        }
                    } else if flags & super::engine::INFO_CHARSET != 0 {
                        self.charset(a + 4, t)?;
                    }
                    i = t;
                }
                op::JUMP => {
                    i = self.target(a, end)?;
                    if i == a {
                        return Err(());
                    }
                }
                op::BRANCH => {
                    let mut p = a;
                    let mut target: Option<usize> = None;
                    loop {
                        let skip = self.w(p)? as usize;
                        if skip == 0 {
                            break;
                        }
                        let nxt = self.target(p, end)?;
                        if skip < 3 || self.w(nxt - 2)? != op::JUMP {
                            return Err(());
                        }
                        self.block(p + 1, nxt - 2, depth + 1)?;
                        let t = self.target(nxt - 1, end)?;
                        match target {
                            None => target = Some(t),
                            Some(x) if x != t => return Err(()),
                            _ => {}
                        }
                        p = nxt;
                    }
                    i = p + 1;
                    if let Some(t) = target {
                        if t != i {
                            return Err(());
                        }
                    }
                }
                op::REPEAT_ONE | op::MIN_REPEAT_ONE | op::POSSESSIVE_REPEAT_ONE => {
                    let t = self.target(a, end)?;
                    let (min, max) = (self.w(a + 1)?, self.w(a + 2)?);
                    if min > max || max > MAXREPEAT || t < a + 4 {
                        return Err(());
                    }
                    if self.w(t - 1)? != op::SUCCESS {
                        return Err(());
                    }
                    self.block(a + 3, t - 1, depth + 1)?;
                    i = t;
                }
                op::REPEAT | op::POSSESSIVE_REPEAT => {
                    let t = self.target(a, end)?;
                    let (min, max) = (self.w(a + 1)?, self.w(a + 2)?);
                    if min > max || t < a + 3 || t >= end {
                        return Err(());
                    }
                    self.block(a + 3, t, depth + 1)?;
                    let closing = self.w(t)?;
                    if opc == op::REPEAT {
                        if closing != op::MAX_UNTIL && closing != op::MIN_UNTIL {
                            return Err(());
                        }
                    } else if closing != op::SUCCESS {
                        return Err(());
                    }
                    i = t + 1;
                }
                op::GROUPREF_EXISTS => {
                    if self.w(a)? as usize >= self.groups {
                        return Err(());
                    }
                    let t = self.target(a + 1, end)?.checked_sub(1).ok_or(())?;
                    if t < a + 2 {
                        return Err(());
                    }
                    // The "yes" branch may end with a JUMP over the "no" branch.
                    let with_else = || -> Result<usize, ()> {
                        if t < a + 4 || self.w(t - 2)? != op::JUMP {
                            return Err(());
                        }
                        let t2 = self.target(t - 1, end)?;
                        self.block(a + 2, t - 2, depth + 1)?;
                        self.block(t, t2, depth + 1)?;
                        Ok(t2)
                    };
                    if let Ok(t2) = with_else() {
                        i = t2;
                    } else {
                        self.block(a + 2, t, depth + 1)?;
                        i = t;
                    }
                }
                op::ASSERT | op::ASSERT_NOT => {
                    let t = self.target(a, end)?;
                    if t < a + 3 || self.w(t - 1)? != op::SUCCESS {
                        return Err(());
                    }
                    self.block(a + 2, t - 1, depth + 1)?;
                    i = t;
                }
                op::ATOMIC_GROUP => {
                    let t = self.target(a, end)?;
                    if t < a + 2 || self.w(t - 1)? != op::SUCCESS {
                        return Err(());
                    }
                    self.block(a + 1, t - 1, depth + 1)?;
                    i = t;
                }
                op::MAX_UNTIL | op::MIN_UNTIL => return Err(()),
                _ => return Err(()),
            }
        }
        if i != end {
            return Err(());
        }
        Ok(())
    }
}

/// Check compiled code for `groups` capture groups; returns the positions
/// of its set operators.
pub fn validate(code: &[u32], groups: usize) -> Result<Vec<usize>, ()> {
    let v = V { code, groups, sets: std::cell::RefCell::new(Vec::new()) };
    v.block(0, code.len(), 0)?;
    // The program must end with SUCCESS.
    if code.last() != Some(&op::SUCCESS) {
        return Err(());
    }
    Ok(v.sets.into_inner())
}
